import type { Emitter } from './emitter.js'
import type { Store } from './store.js'
import type { FileState } from './types.js'

const settled = (file: FileState | undefined) =>
  file?.status === 'success' || file?.status === 'error' || file?.status === 'processing'

/**
 * Emits `complete` each time the engine goes from busy to idle, with the files that ended meanwhile.
 * Driven by the store's change hook, so it costs O(1) per change and needs no snapshot.
 */
export function trackCompletion(store: Store, emitter: Emitter): void {
  let busy = false
  let ended = new Set<string>()
  store.onChange((before, after) => {
    if (after && settled(after) && !settled(before)) ended.add(after.id)
    if (!busy && store.active > 0) busy = true
    if (!busy || store.active > 0) return
    busy = false
    const files = [...ended].map((id) => store.get(id)).filter((file) => file !== undefined)
    ended = new Set()
    // The last file's upload-success / upload-error is emitted right after the dispatch that made the
    // engine idle; a microtask lets it go first, so `complete` is always the last notice.
    queueMicrotask(() =>
      emitter.emit('complete', {
        successful: files.filter((file) => file.status === 'success'),
        failed: files.filter((file) => file.status === 'error'),
        accepted: files.filter((file) => file.status === 'processing'),
      }),
    )
  })
}
