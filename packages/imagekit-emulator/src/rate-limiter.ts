import type { MediaEndpoint, RateLimits, RateLimitWindow } from './types.js'

export const MEDIA_ENDPOINTS: readonly MediaEndpoint[] = [
  'listFiles',
  'getDetails',
  'getMetadata',
  'updateDetails',
  'deleteFile',
  'bulkDelete',
  'addTags',
  'removeTags',
]

/**
 * Seeds (imagekit-api-overview.txt, "Interval window"): "a 100 request per second limit along with
 * 1000 limits for a 15-minute duration". ImageKit does not publish its real numbers per endpoint, so
 * every endpoint gets this example pair by default (a GUESS in their spirit).
 */
export const DEFAULT_RATE_LIMIT_WINDOWS: readonly RateLimitWindow[] = [
  { limit: 100, intervalMs: 1000 },
  { limit: 1000, intervalMs: 15 * 60 * 1000 },
]

/** The window a refused request broke, as the three headers report it. */
export interface RateLimitHit {
  limit: number
  intervalMs: number
  resetMs: number
}

interface Counter {
  start: number
  count: number
}

function checkWindows(name: string, windows: readonly RateLimitWindow[]): RateLimitWindow[] {
  if (!Array.isArray(windows)) throw new Error(`rateLimits.${name} must be an array of windows.`)
  for (const window of windows) {
    const ok = Number.isInteger(window?.limit) && window.limit > 0 && window.intervalMs > 0
    if (!ok || !Number.isFinite(window.intervalMs)) {
      throw new Error(`rateLimits.${name}: each window needs a whole limit > 0 and an intervalMs > 0.`)
    }
  }
  return windows.map(({ limit, intervalMs }) => ({ limit, intervalMs }))
}

/** The windows of every endpoint, from the option (unknown endpoint names are refused). */
export function resolveRateLimits(
  option: RateLimits | false | undefined,
): Map<MediaEndpoint, RateLimitWindow[]> {
  const limits = option === false ? {} : (option ?? {})
  for (const name of Object.keys(limits)) {
    if (name !== 'default' && !(MEDIA_ENDPOINTS as readonly string[]).includes(name)) {
      throw new Error(`rateLimits: unknown endpoint ${name} (known: default, ${MEDIA_ENDPOINTS.join(', ')}).`)
    }
  }
  const fallback = option === false ? [] : (limits.default ?? DEFAULT_RATE_LIMIT_WINDOWS)
  return new Map(
    MEDIA_ENDPOINTS.map((endpoint) => [endpoint, checkWindows(endpoint, limits[endpoint] ?? fallback)]),
  )
}

/**
 * Per-endpoint request counting, across the account (seeds: "Rate limiting is done across the
 * account"). Each window is fixed: it opens at the first request after the previous one closed. A
 * refused request is not counted, so waiting `resetMs` is always enough.
 */
export class RateLimiter {
  #windows: Map<MediaEndpoint, RateLimitWindow[]>
  #counters = new Map<string, Counter>()

  constructor(option: RateLimits | false | undefined) {
    this.#windows = resolveRateLimits(option)
  }

  /** Count one request at `now`; the broken window (the longest wait) when it is over a limit. */
  take(endpoint: MediaEndpoint, now: number): RateLimitHit | undefined {
    const windows = this.#windows.get(endpoint) ?? []
    const counters = windows.map((window, index) => this.#counter(`${endpoint}#${index}`, window, now))
    let hit: RateLimitHit | undefined
    windows.forEach((window, index) => {
      const counter = counters[index] as Counter
      if (counter.count < window.limit) return
      const resetMs = counter.start + window.intervalMs - now
      if (!hit || resetMs > hit.resetMs) hit = { limit: window.limit, intervalMs: window.intervalMs, resetMs }
    })
    if (!hit) for (const counter of counters) counter.count++
    return hit
  }

  /** Forget every count (`emu.resetRateLimits()`). */
  reset(): void {
    this.#counters.clear()
  }

  #counter(key: string, window: RateLimitWindow, now: number): Counter {
    const counter = this.#counters.get(key)
    if (counter && now < counter.start + window.intervalMs) return counter
    const fresh = { start: now, count: 0 }
    this.#counters.set(key, fresh)
    return fresh
  }
}
