/** Calls back every second while running (retry countdowns, the stall hint). */
export class Ticker {
  readonly #onTick: () => void
  #timer: ReturnType<typeof setInterval> | undefined

  constructor(onTick: () => void) {
    this.#onTick = onTick
  }

  /** Starts or stops the ticking; idempotent. */
  set(running: boolean): void {
    if (running && this.#timer === undefined) this.#timer = setInterval(this.#onTick, 1000)
    else if (!running && this.#timer !== undefined) this.stop()
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }
}
