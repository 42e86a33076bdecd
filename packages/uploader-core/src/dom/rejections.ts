import type { Uploader } from '../types.js'
import { rejectionText, type ViewMessages, viewText } from '../view/index.js'
import type { LiveRegion } from './live-region.js'
import type { RejectionList } from './rejection-list.js'

/**
 * Shows each file the engine refused (`file-rejected`) in the message list, and announces one batch
 * of refusals (they arrive together) once: "2 files could not be added. “a.mov” is too large …".
 * Returns the unsubscribe.
 */
export function showRejections(
  uploader: Uploader,
  messages: ViewMessages,
  list: RejectionList,
  live: LiveRegion,
): () => void {
  let batch: string[] = []
  let active = true
  const flush = () => {
    if (active)
      live.say([viewText(messages, 'announceRejected', { count: batch.length }), ...batch].join(' '))
    batch = []
  }
  const off = uploader.on('file-rejected', ({ name, error }) => {
    const text = rejectionText(name, error.message, messages)
    list.add(text)
    if (batch.length === 0) queueMicrotask(flush)
    batch.push(text)
  })
  return () => {
    active = false
    off()
  }
}
