import { Aggregates } from './aggregates.js'
import { FileList } from './file-list.js'
import { Notifier } from './notifier.js'
import { type Action, reduceFile } from './reducer.js'
import { buildSnapshot } from './snapshot.js'
import { createSpeedMeter } from './speed-meter.js'
import type { FileState, Timers, UploaderSnapshot } from './types.js'

export interface StoreOptions {
  timers: () => Timers
  now: () => number
  /** Listeners hear of changes at most once per this many ms (the first change after a pause at once). */
  throttleMs: number
}

/** Told of every file record that changed: `before` undefined for an added file, `after` for a removed one. */
export type ChangeHook = (before: FileState | undefined, after: FileState | undefined) => void

/**
 * The one source of truth: every change goes through `dispatch`, costs O(1) per file it touches
 * (records, sums and the list are updated in place, structurally shared), and listeners are batched.
 */
export class Store {
  #files = new FileList()
  #sums = new Aggregates()
  #online = true
  #restored = 0
  #snapshot: UploaderSnapshot | undefined
  #listeners = new Set<() => void>()
  #fileListeners = new Map<string, Set<() => void>>()
  #changed = new Set<string>()
  #hooks: ChangeHook[] = []
  #speed = createSpeedMeter()
  #notifier: Notifier
  #now: () => number
  #version = 0
  #disposed = false

  constructor(options: StoreOptions) {
    this.#now = options.now
    this.#notifier = new Notifier(options.timers, options.now, options.throttleMs, this.#flush)
  }

  get(id: string): FileState | undefined {
    return this.#files.get(id)
  }

  /** Every file id, in order (a copy). */
  ids(): string[] {
    return this.#files.ids()
  }

  get active(): number {
    return this.#sums.active
  }

  /** How many files the list holds and their bytes, for the aggregate restrictions (a fresh object). */
  listTotals(): { count: number; bytes: number } {
    return { count: this.#sums.total, bytes: this.#sums.allBytes }
  }

  onChange(hook: ChangeHook): void {
    this.#hooks.push(hook)
  }

  dispatch = (action: Action): void => {
    if (this.#disposed) return
    const version = this.#version
    if (action.type === 'added') this.#add(action.files)
    else if (action.type === 'removed') this.#remove(action.ids)
    else if (action.type === 'online') {
      if (this.#online !== action.online) this.#touch()
      this.#online = action.online
    } else if (action.type === 'restored') {
      if (this.#restored !== action.count) this.#touch()
      this.#restored = action.count
    } else for (const id of 'ids' in action ? action.ids : [action.id]) this.#change(id, action)
    if (this.#version !== version) this.#notifier.schedule()
  }

  getSnapshot = (): UploaderSnapshot => {
    if (this.#snapshot === undefined) {
      const speed = this.#speed(this.#now(), this.#sums.sent)
      this.#snapshot = buildSnapshot(
        this.#files.share(),
        this.#sums,
        { online: this.#online, restored: this.#restored },
        speed,
      )
    }
    return this.#snapshot
  }

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => {
      this.#listeners.delete(listener)
    }
  }

  subscribeFile = (id: string, listener: () => void): (() => void) => {
    const set = this.#fileListeners.get(id) ?? new Set()
    set.add(listener)
    this.#fileListeners.set(id, set)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.#fileListeners.get(id) === set) this.#fileListeners.delete(id)
    }
  }

  /** Stops all changes: tearing Uppy down removes each file, which must not cost O(n) per file. */
  dispose(): void {
    this.#disposed = true
    this.#notifier.stop()
    this.#listeners.clear()
    this.#fileListeners.clear()
  }

  #change(id: string, change: Parameters<typeof reduceFile>[1]): void {
    const file = this.#files.get(id)
    const next = file && reduceFile(file, change)
    if (!file || !next) return
    this.#files.replace(next)
    this.#record(id, file, next)
  }

  #add(files: readonly FileState[]): void {
    if (files.length === 0) return
    this.#files.append(files)
    for (const file of files) this.#record(file.id, undefined, file)
  }

  #remove(ids: readonly string[]): void {
    const gone = new Set(ids.filter((id) => this.#files.get(id)))
    if (gone.size === 0) return
    const files = [...gone].map((id) => this.#files.get(id) as FileState)
    this.#files.remove(gone)
    for (const file of files) this.#record(file.id, file, undefined)
  }

  #record(id: string, before: FileState | undefined, after: FileState | undefined): void {
    if (before) this.#sums.apply(before, -1)
    if (after) this.#sums.apply(after, 1)
    this.#touch()
    this.#changed.add(id)
    for (const hook of this.#hooks) hook(before, after)
  }

  #touch(): void {
    this.#snapshot = undefined
    this.#version++
  }

  #flush = (): void => {
    const changed = [...this.#changed]
    this.#changed.clear()
    for (const id of changed) for (const listener of [...(this.#fileListeners.get(id) ?? [])]) listener()
    for (const listener of [...this.#listeners]) listener()
  }
}
