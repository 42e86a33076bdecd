/**
 * Setup file for jsdom suites. Uppy's constructor schedules `setTimeout(updateOnlineStatus, 3000)`
 * and never clears it, not even in `destroy()` (@uppy/core 6.3, `Uppy.js` `#addListeners`). When a
 * test file ends sooner, jsdom's `window` is gone by the time it fires and the run reports an
 * uncaught "window is not defined". A browser always has a window, so only the tests need this:
 * that one callback is skipped once the window is gone.
 */
const schedule = globalThis.setTimeout
const UPPY_ONLINE_CHECK = 'bound updateOnlineStatus'

globalThis.setTimeout = ((handler: unknown, ms?: number, ...rest: unknown[]) => {
  const run =
    typeof handler === 'function' && handler.name === UPPY_ONLINE_CHECK
      ? () => {
          if (typeof window !== 'undefined') (handler as () => void)()
        }
      : handler
  return schedule(run as () => void, ms, ...rest)
}) as typeof setTimeout
