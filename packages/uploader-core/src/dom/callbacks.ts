import type { Uploader } from '../types.js'
import type { MountCallbacks } from './options.js'

/** Wires `onSuccess`/`onError`/`onRejected`/`onComplete`/`onProgress` to the engine; returns the unbind. */
export function bindCallbacks(uploader: Uploader, callbacks: MountCallbacks): () => void {
  let totals = uploader.getSnapshot().totals
  const offs = [
    uploader.on('upload-success', ({ file, result }) => callbacks.onSuccess?.(file, result)),
    uploader.on('upload-error', ({ file, error }) => callbacks.onError?.(file, error)),
    uploader.on('file-rejected', (rejection) => callbacks.onRejected?.(rejection)),
    uploader.on('complete', (result) => callbacks.onComplete?.(result)),
    uploader.subscribe(() => {
      const snapshot = uploader.getSnapshot()
      if (snapshot.totals === totals) return
      totals = snapshot.totals
      callbacks.onProgress?.(totals, snapshot)
    }),
  ]
  return () => {
    for (const off of offs) off()
  }
}

/**
 * Stops an engine that `mount` created. Uploads are cancelled, unless they should be kept: then the
 * engine lives until its uploads complete and is destroyed after that.
 */
export function releaseEngine(uploader: Uploader, keepUploads: boolean): void {
  if (!keepUploads || !uploader.getSnapshot().isUploading) {
    uploader.destroy()
    return
  }
  const off = uploader.on('complete', () => {
    off()
    uploader.destroy()
  })
}
