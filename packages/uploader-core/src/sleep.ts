import type { Timers } from './types.js'

/** Resolves after `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function sleep(ms: number, signal: AbortSignal, timers: Timers): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason)
    const onAbort = () => {
      timers.clearTimeout(handle)
      reject(signal.reason)
    }
    const handle = timers.setTimeout(
      () => {
        signal.removeEventListener('abort', onAbort)
        resolve()
      },
      Math.max(0, ms),
    )
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

/** A macrotask break, so the browser can paint and handle input between two slices of work. */
export const yieldToBrowser = (timers: Timers) =>
  new Promise<void>((resolve) => timers.setTimeout(resolve, 0))
