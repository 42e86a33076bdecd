import { type Action, type EngineState, initialState, reduce } from './reducer.js'
import { buildSnapshot } from './snapshot.js'
import { createSpeedMeter } from './speed-meter.js'
import type { Timers, UploaderSnapshot } from './types.js'

export interface StoreOptions {
  timers: () => Timers
  now: () => number
  /** Progress-only changes are batched this long; everything else notifies at once. */
  throttleMs: number
}

/** Holds the state, runs every change through the reducer, and notifies listeners (throttled for progress). */
export class Store {
  #state: EngineState = initialState
  #snapshot: UploaderSnapshot | undefined
  #snapshotOf: EngineState | undefined
  #listeners = new Set<() => void>()
  #speed = createSpeedMeter()
  #timer: unknown
  #timerSet = false
  #options: StoreOptions
  #disposed = false

  constructor(options: StoreOptions) {
    this.#options = options
  }

  get state(): EngineState {
    return this.#state
  }

  dispatch = (action: Action): void => {
    if (this.#disposed) return
    const next = reduce(this.#state, action)
    if (next === this.#state) return
    this.#state = next
    if (action.type === 'progress') this.#scheduleNotify()
    else this.#notify()
  }

  getSnapshot = (): UploaderSnapshot => {
    if (this.#snapshot === undefined || this.#snapshotOf !== this.#state) {
      const files = this.#state.files
      let sent = 0
      for (const id of this.#state.order) sent += files[id]?.bytesUploaded ?? 0
      const speed = this.#speed(this.#options.now(), sent)
      this.#snapshot = buildSnapshot(this.#state, speed)
      this.#snapshotOf = this.#state
    }
    return this.#snapshot
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  /** Stops all changes: tearing Uppy down removes each file, which must not cost O(n) per file. */
  dispose(): void {
    this.#disposed = true
    this.#clearTimer()
    this.#listeners.clear()
  }

  #scheduleNotify(): void {
    if (this.#timerSet) return
    this.#timerSet = true
    this.#timer = this.#options.timers().setTimeout(() => {
      this.#timerSet = false
      this.#notify()
    }, this.#options.throttleMs)
  }

  #clearTimer(): void {
    if (!this.#timerSet) return
    this.#options.timers().clearTimeout(this.#timer)
    this.#timerSet = false
  }

  #notify(): void {
    this.#clearTimer()
    for (const listener of [...this.#listeners]) listener()
  }
}
