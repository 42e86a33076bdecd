import type { Signature, SignaturePoolFactory } from './types.js'

/** Held signatures are dropped this long before they expire. */
export const EXPIRY_MARGIN_MS = 5 * 60_000

interface Held {
  signature: Signature
  /** Epoch ms. */
  expiresAt: number
}

/**
 * A small prefetch pool for GET signing routes: hides the signing round trip for the next
 * attempts. Never hands out a signature within {@link EXPIRY_MARGIN_MS} of its `expire`.
 */
export class SignaturePool {
  #size: number
  #fetch: (signal: AbortSignal) => Promise<Signature>
  #now: () => number
  #held: Held[] = []
  #inFlight = 0
  #controller = new AbortController()

  constructor(size: number, fetchOne: (signal: AbortSignal) => Promise<Signature>, now: () => number) {
    this.#size = size
    this.#fetch = fetchOne
    this.#now = now
  }

  /** A held fresh signature if there is one, else a new one; then tops the pool up. */
  async take(signal: AbortSignal): Promise<Signature> {
    const limit = this.#now() + EXPIRY_MARGIN_MS
    this.#held = this.#held.filter((held) => held.expiresAt > limit)
    const held = this.#held.shift()
    const signature = held ? Promise.resolve(held.signature) : this.#fetch(signal)
    this.#refill()
    return signature
  }

  dispose(): void {
    this.#controller.abort()
    this.#held = []
  }

  #refill(): void {
    while (this.#held.length + this.#inFlight < this.#size && !this.#controller.signal.aborted) {
      this.#inFlight++
      this.#fetch(this.#controller.signal)
        .then((signature) => {
          const expiresAt = Number((signature as { expire?: unknown }).expire) * 1000
          if (Number.isFinite(expiresAt)) this.#held.push({ signature, expiresAt })
        })
        .catch(() => {})
        .finally(() => {
          this.#inFlight--
        })
    }
  }
}

/**
 * Opt-in prefetching for GET signing routes: `createUploader({ prefetch: prefetchSignatures(2) })`.
 * A separate export so the default bundle does not carry it.
 */
export function prefetchSignatures(size = 2): SignaturePoolFactory {
  return (fetchOne, now) => new SignaturePool(size, fetchOne, now)
}
