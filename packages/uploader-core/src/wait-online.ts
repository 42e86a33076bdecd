import type { OnlineSource } from './types.js'

/** Resolves as soon as the source says online (at once if it already is); rejects on abort. */
export function waitForOnline(source: OnlineSource, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason)
  if (source.isOnline()) return Promise.resolve()
  return new Promise((resolve, reject) => {
    const done = (settle: () => void) => {
      unsubscribe()
      signal.removeEventListener('abort', onAbort)
      settle()
    }
    const onAbort = () => done(() => reject(signal.reason))
    const unsubscribe = source.subscribe(() => {
      if (source.isOnline()) done(resolve)
    })
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
