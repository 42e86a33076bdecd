import type { Emitter } from './emitter.js'
import type { Store } from './store.js'

/** Emits `complete` each time the engine goes from busy to idle, with the files that ended meanwhile. */
export function trackCompletion(store: Store, emitter: Emitter): void {
  let busy = false
  let settledBefore = new Set<string>()
  store.subscribe(() => {
    const snapshot = store.getSnapshot()
    if (snapshot.isUploading) {
      if (!busy) {
        const settled = snapshot.files.filter((f) => f.status === 'success' || f.status === 'error')
        settledBefore = new Set(settled.map((f) => f.id))
      }
      busy = true
      return
    }
    if (!busy) return
    busy = false
    const fresh = snapshot.files.filter((file) => !settledBefore.has(file.id))
    // The last file's upload-success / upload-error is emitted right after the dispatch that made the
    // engine idle; a microtask lets it go first, so `complete` is always the last notice.
    queueMicrotask(() =>
      emitter.emit('complete', {
        successful: fresh.filter((file) => file.status === 'success'),
        failed: fresh.filter((file) => file.status === 'error'),
      }),
    )
  })
}
