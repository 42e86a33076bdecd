import type { OnlineSource, Timers, UploaderOptions, XhrFactory } from './types.js'

/** Platform pieces with browser defaults, each resolved only when first used (SSR-safe). */
export interface Platform {
  createXhr: XhrFactory
  fetch: () => typeof fetch
  now: () => number
  timers: () => Timers
  online: OnlineSource
  random: () => number
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/** navigator.onLine and window online/offline events; always online where there is no window. */
export const browserOnline: OnlineSource = {
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  subscribe(callback) {
    if (typeof window === 'undefined') return () => {}
    const events = ['online', 'offline']
    for (const event of events) window.addEventListener(event, callback)
    return () => {
      for (const event of events) window.removeEventListener(event, callback)
    }
  },
}

export function resolvePlatform(options: UploaderOptions): Platform {
  return {
    createXhr: options.xhr ?? (() => new XMLHttpRequest()),
    fetch: () => options.fetch ?? globalThis.fetch.bind(globalThis),
    now: options.now ?? (() => Date.now()),
    timers: () => options.timers ?? defaultTimers,
    online: options.online ?? browserOnline,
    random: options.random ?? Math.random,
  }
}
