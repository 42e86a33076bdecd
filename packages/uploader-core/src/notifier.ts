import type { Timers } from './types.js'

/**
 * Batches notifications: the first change after a quiet spell is told in a microtask (so a command's
 * effect shows at once), later ones at most once per `intervalMs`, however many changes came between.
 */
export class Notifier {
  #timers: () => Timers
  #now: () => number
  #intervalMs: number
  #flush: () => void
  #pending = false
  #timer: unknown
  #timerSet = false
  #last = Number.NEGATIVE_INFINITY
  #stopped = false

  constructor(timers: () => Timers, now: () => number, intervalMs: number, flush: () => void) {
    this.#timers = timers
    this.#now = now
    this.#intervalMs = intervalMs
    this.#flush = flush
  }

  schedule(): void {
    if (this.#pending || this.#stopped) return
    this.#pending = true
    const wait = this.#last + this.#intervalMs - this.#now()
    if (wait <= 0) queueMicrotask(this.#run)
    else {
      this.#timerSet = true
      this.#timer = this.#timers().setTimeout(this.#run, wait)
    }
  }

  stop(): void {
    this.#stopped = true
    if (this.#timerSet) this.#timers().clearTimeout(this.#timer)
  }

  #run = (): void => {
    this.#timerSet = false
    if (!this.#pending || this.#stopped) return
    this.#pending = false
    this.#last = this.#now()
    this.#flush()
  }
}
