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

/** Everyone listening to one window's online/offline events, behind one pair of listeners. */
class WindowOnline {
  #target: Window
  #entries = new Set<{ callback: () => void }>()
  #notify = () => {
    for (const entry of [...this.#entries]) entry.callback()
  }

  constructor(target: Window) {
    this.#target = target
  }

  add(callback: () => void): () => void {
    if (this.#entries.size === 0) {
      this.#target.addEventListener('online', this.#notify)
      this.#target.addEventListener('offline', this.#notify)
    }
    const entry = { callback } // its own entry: the same callback may subscribe twice
    this.#entries.add(entry)
    return () => {
      if (!this.#entries.delete(entry) || this.#entries.size > 0) return
      this.#target.removeEventListener('online', this.#notify)
      this.#target.removeEventListener('offline', this.#notify)
    }
  }
}

const windows = new WeakMap<Window, WindowOnline>()

/**
 * navigator.onLine and window online/offline events; always online where there is no window.
 * Every upload in flight listens, so the window holds one listener pair, not a pair per request.
 */
export const browserOnline: OnlineSource = {
  isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
  subscribe(callback) {
    if (typeof window === 'undefined') return () => {}
    const online = windows.get(window) ?? new WindowOnline(window)
    windows.set(window, online)
    return online.add(callback)
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
