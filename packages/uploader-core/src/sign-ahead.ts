import type { FileDescription, Signature } from './types.js'

/** Held signatures are dropped this long before they expire (less for short-lived ones, see `toHeld`). */
export const AHEAD_MARGIN_MS = 5 * 60_000
/** Kept at most this long when the answer names no expiry (V2 routes that send none). */
const UNKNOWN_LIFETIME_MS = 60_000

/** What sign-ahead needs from the engine: the files that start next, and what to tell the route about one. */
export interface AheadSource {
  /** The next `count` queued file ids, in the order they will start. */
  upcoming(count: number): string[]
  describe(id: string): FileDescription | undefined
}

/** Fetches signatures for several files in one go; one entry per description (undefined: not signed). */
export type FetchMany = (
  files: readonly FileDescription[],
  signal: AbortSignal,
) => Promise<(Received | undefined)[]>

/** A signature and when it arrived (local ms), with the route's clock when it sent one. */
export interface Received {
  signature: Signature
  receivedAt: number
  serverTime?: number
}

interface Held {
  signature: Signature
  /** Local epoch ms after which it is not sent. */
  usableUntil: number
}

/** When a held signature stops being sent: its expiry on the route's clock, moved to ours, minus a margin. */
export function toHeld({ signature, receivedAt, serverTime }: Received): Held {
  const expire = Number((signature as { expire?: unknown }).expire)
  if (!Number.isFinite(expire)) return { signature, usableUntil: receivedAt + UNKNOWN_LIFETIME_MS }
  const expiresAt = serverTime === undefined ? expire * 1000 : receivedAt + (expire - serverTime) * 1000
  const margin = Math.min(AHEAD_MARGIN_MS, (expiresAt - receivedAt) / 2)
  return { signature, usableUntil: expiresAt - margin }
}

/**
 * Signs first attempts ahead of time, so a file never waits for its own signing round trip when a slot
 * opens: requests that arrive together go out as one batch, topped up with the next queued files
 * (about `lookahead`), and each signature is used once, by the file it was made for, before it nears
 * expiry. Retries never come here: they always get a fresh signature.
 */
export class SignAhead {
  #held = new Map<string, Held>()
  #inflight = new Map<string, Promise<Held | undefined>>()
  #asking = new Set<string>()
  /** The batch each coming signature belongs to: aborted once no file waits for it any more. */
  #batchOf = new Map<string, { controller: AbortController; members: Set<string> }>()
  #flushed: Promise<void> | null = null
  #fetch: FetchMany
  #source: AheadSource
  #now: () => number
  #lookahead: number
  #maxBatch: number

  constructor(fetch: FetchMany, source: AheadSource, now: () => number, lookahead: number, maxBatch: number) {
    this.#fetch = fetch
    this.#source = source
    this.#now = now
    this.#lookahead = lookahead
    this.#maxBatch = maxBatch
  }

  /** The file's signature from a batch, or undefined (the caller then signs it alone). */
  async take(id: string, signal: AbortSignal): Promise<Signature | undefined> {
    if (!this.#held.has(id) && !this.#inflight.has(id)) {
      this.#asking.add(id)
      this.#flushed ??= Promise.resolve().then(this.#flush)
      await this.#flushed
    }
    const held = this.#held.get(id) ?? (await abortable(this.#inflight.get(id), signal))
    this.#held.delete(id)
    this.topUp()
    return held && this.#now() < held.usableUntil ? held.signature : undefined
  }

  /** Signs the next queued files (a whole batch) when the first `lookahead` of them are not all covered. */
  topUp(): void {
    const next = this.#source.upcoming(this.#maxBatch).filter((id) => !this.#covered(id))
    const soon = new Set(this.#source.upcoming(this.#lookahead))
    if (next.some((id) => soon.has(id))) this.#request(next)
  }

  /**
   * Signs files that are about to be queued (just added, with `autoUpload`) while they are still on
   * their way to the queue, when no queued file goes before them: their first uploads then start
   * without waiting for a signing round trip.
   */
  prime(ids: readonly string[]): void {
    if (this.#source.upcoming(1).length > 0) return
    this.#request(ids.filter((id) => !this.#covered(id)))
  }

  /** Forgets a file's held or coming signature (cancelled or removed: it is single-use and bound to it). */
  drop(id: string): void {
    this.#held.delete(id)
    this.#inflight.delete(id)
    const batch = this.#batchOf.get(id)
    this.#batchOf.delete(id)
    batch?.members.delete(id)
    if (batch?.members.size === 0) batch.controller.abort()
  }

  dispose(): void {
    for (const { controller } of this.#batchOf.values()) controller.abort()
    this.#batchOf.clear()
    this.#held.clear()
    this.#inflight.clear()
  }

  #covered(id: string): boolean {
    return this.#held.has(id) || this.#inflight.has(id) || this.#asking.has(id)
  }

  #flush = (): void => {
    const asking = [...this.#asking]
    this.#asking.clear()
    this.#flushed = null
    const more = this.#source
      .upcoming(this.#maxBatch)
      .filter((id) => !this.#covered(id) && !asking.includes(id))
    this.#request([...asking, ...more])
  }

  #request(candidates: readonly string[]): void {
    const ids: string[] = []
    const files: FileDescription[] = []
    for (const id of candidates.slice(0, this.#maxBatch)) {
      const file = this.#source.describe(id)
      if (file) ids.push(id) && files.push(file)
    }
    if (ids.length === 0) return
    const controller = new AbortController()
    const entry = { controller, members: new Set(ids) }
    const batch = this.#fetch(files, controller.signal).catch(() => [])
    ids.forEach((id, i) => {
      this.#batchOf.set(id, entry)
      const one: Promise<Held | undefined> = batch.then((all) => {
        const received = all[i]
        if (this.#inflight.get(id) !== one) return undefined // dropped meanwhile
        this.#inflight.delete(id)
        this.#batchOf.delete(id)
        if (!received) return undefined
        const held = toHeld(received)
        this.#held.set(id, held)
        return held
      })
      this.#inflight.set(id, one)
    })
  }
}

/** `promise`, or undefined as soon as `signal` aborts. */
function abortable<T>(promise: Promise<T> | undefined, signal: AbortSignal): Promise<T | undefined> {
  if (!promise || signal.aborted) return Promise.resolve(undefined)
  return new Promise((resolve) => {
    const onAbort = () => resolve(undefined)
    signal.addEventListener('abort', onAbort, { once: true })
    promise
      .then(resolve, () => resolve(undefined))
      .finally(() => signal.removeEventListener('abort', onAbort))
  })
}
