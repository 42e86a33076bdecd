/** One counted request: how many the key made in the current window, and ms until that window ends. */
export interface RateLimitHit {
  count: number
  resetMs: number
}

/** Where rate-limit counts live. Implement it over Redis (INCR + PEXPIRE) to share limits between instances. */
export interface RateLimitStore {
  /** Count one request for `key` in a fixed window of `intervalMs`. */
  hit(key: string, intervalMs: number): Promise<RateLimitHit>
}

export interface MemoryRateLimitStoreOptions {
  /** Clock in milliseconds. @default Date.now */
  now?: () => number
  /** Most keys held; expired windows are swept first, then the oldest are dropped. @default 10000 */
  maxKeys?: number
}

/** The default store: fixed windows in a Map, bounded in size, expired windows swept as it goes. */
export class MemoryRateLimitStore implements RateLimitStore {
  readonly #windows = new Map<string, { resetAt: number; count: number }>()
  readonly #now: () => number
  readonly #maxKeys: number
  #hitsSinceSweep = 0

  constructor(options: MemoryRateLimitStoreOptions = {}) {
    this.#now = options.now ?? Date.now
    this.#maxKeys = options.maxKeys ?? 10_000
  }

  /** Number of keys currently held. */
  get size(): number {
    return this.#windows.size
  }

  async hit(key: string, intervalMs: number): Promise<RateLimitHit> {
    const now = this.#now()
    let window = this.#windows.get(key)
    if (window === undefined || window.resetAt <= now) {
      this.#windows.delete(key)
      this.#makeRoom(now)
      window = { resetAt: now + intervalMs, count: 0 }
      this.#windows.set(key, window)
    }
    window.count++
    return { count: window.count, resetMs: window.resetAt - now }
  }

  #makeRoom(now: number): void {
    this.#hitsSinceSweep++
    if (this.#windows.size < this.#maxKeys && this.#hitsSinceSweep < 1000) return
    this.#hitsSinceSweep = 0
    for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key)
    // Still full: drop the oldest windows (Map keeps insertion order).
    for (const key of this.#windows.keys()) {
      if (this.#windows.size < this.#maxKeys) break
      this.#windows.delete(key)
    }
  }
}
