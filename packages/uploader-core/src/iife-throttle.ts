/**
 * A small stand-in for `lodash/throttle` in the `<script>` build only (vite.iife.config.ts aliases it):
 * Uppy uses lodash's throttle for one internal progress callback, and lodash's CommonJS module graph
 * costs about 1 KB of the 30 KB budget. Same contract for that use: leading and trailing calls, the
 * trailing one with the latest arguments, at most one call per `wait` ms.
 *
 * A default export, because it replaces a module that Uppy imports by default.
 */
export default function throttle<A extends unknown[]>(
  fn: (...args: A) => unknown,
  wait: number,
  options: { leading?: boolean; trailing?: boolean } = {},
): (...args: A) => void {
  const { leading = true, trailing = true } = options
  let last = Number.NEGATIVE_INFINITY
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined
  const invoke = () => {
    const args = pending as A
    pending = undefined
    last = Date.now()
    fn(...args)
  }
  const flush = () => {
    timer = undefined
    if (pending) invoke()
  }
  return (...args: A) => {
    pending = args
    if (timer !== undefined) return
    const elapsed = Date.now() - last
    if (elapsed >= wait) {
      if (leading) return invoke()
      last = Date.now()
    }
    if (trailing) timer = setTimeout(flush, Math.max(0, wait - (Date.now() - last)))
    else pending = undefined
  }
}
