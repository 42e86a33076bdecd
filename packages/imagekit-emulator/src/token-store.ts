/** One hour: no valid v1 `expire` or v2 JWT lives longer, so a token is never needed after that. */
export const TOKEN_TTL_MS = 3_600_000
export const MAX_TOKENS = 200_000

/**
 * Single-use tokens. A token is burned the moment it is read from a request, whatever happens to
 * the request afterwards, and remembered until it could no longer be valid. Memory is bounded:
 * expired entries are swept, and past `maxSize` the oldest entries are dropped.
 */
export class TokenStore {
  #seen = new Map<string, number>()
  #now: () => number
  #maxSize: number

  constructor(now: () => number, maxSize = MAX_TOKENS) {
    this.#now = now
    this.#maxSize = maxSize
  }

  /** Mark a token used. Returns true when it had been used before (and is still remembered). */
  burn(token: string, untilMs?: number): boolean {
    const now = this.#now()
    const previous = this.#seen.get(token)
    const used = previous !== undefined && previous > now
    const until = Math.min(Math.max(untilMs ?? 0, now + TOKEN_TTL_MS), now + 2 * TOKEN_TTL_MS)
    this.#seen.delete(token)
    this.#seen.set(token, Math.max(until, previous ?? 0))
    this.#sweep(now)
    return used
  }

  get size(): number {
    return this.#seen.size
  }

  clear(): void {
    this.#seen.clear()
  }

  #sweep(now: number): void {
    // Entries are in insertion order, so the oldest come first; stop at the first live one.
    for (const [token, until] of this.#seen) {
      if (until > now && this.#seen.size <= this.#maxSize) break
      this.#seen.delete(token)
    }
  }
}
