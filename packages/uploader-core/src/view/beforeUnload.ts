import type { Uploader } from '../types.js'

/**
 * Asks the browser to confirm leaving the page while files are still uploading (the browser shows its
 * own text). Returns the cleanup. A no-op where there is no window (server rendering).
 */
export function warnBeforeUnload(uploader: Uploader): () => void {
  if (typeof window === 'undefined') return () => {}
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!uploader.getSnapshot().isUploading) return
    event.preventDefault()
    event.returnValue = '' // older browsers need a value to show the prompt
  }
  window.addEventListener('beforeunload', onBeforeUnload)
  return () => window.removeEventListener('beforeunload', onBeforeUnload)
}
