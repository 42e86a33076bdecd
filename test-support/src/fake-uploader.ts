import { vi } from 'vitest'
import type {
  AddFilesResult,
  FileState,
  Uploader,
  UploaderEventName,
  UploaderEvents,
  UploaderSnapshot,
  UploadTotals,
} from '../../packages/uploader-core/src/index.js'
import { emptySnapshot } from '../../packages/uploader-core/src/view/index.js'
import { fakeFile, fakeSnapshot } from './fixtures.js'

type Listener = (payload: never) => void

/**
 * A scripted `Uploader`: tests set its snapshot and emit its events, and see which commands the widget
 * sent. Added files are recorded in `added` and join the snapshot as `queued` (ids `f1`, `f2`, …).
 */
export class FakeUploader implements Uploader {
  snapshot: UploaderSnapshot = emptySnapshot
  readonly added: Array<File | Blob> = []
  readonly #listeners = new Set<() => void>()
  readonly #events = new Map<string, Set<Listener>>()
  #nextId = 0
  readonly addFiles = vi.fn(
    async (files: Iterable<File | Blob> | ArrayLike<File | Blob>): Promise<AddFilesResult> => {
      const list = Array.from(files as ArrayLike<File | Blob>)
      this.added.push(...list)
      const states = list.map((data) =>
        fakeFile(`f${++this.#nextId}`, 'queued', { name: (data as File).name, data }),
      )
      this.set(fakeSnapshot([...this.snapshot.files, ...states]))
      return { added: states, rejected: [] }
    },
  )
  /** Links given to `addUrl`; each joins the snapshot as a `queued` file with its `url`. */
  readonly links: string[] = []
  readonly addUrl = vi.fn(async (url: string, name?: string): Promise<AddFilesResult> => {
    this.links.push(url)
    const state = fakeFile(`f${++this.#nextId}`, 'queued', { name: name ?? 'file', url, size: 0 })
    this.set(fakeSnapshot([...this.snapshot.files, state]))
    return { added: [state], rejected: [] }
  })
  readonly upload = vi.fn<() => Promise<void>>(async () => {})
  readonly cancel = vi.fn<(id: string) => void>()
  readonly cancelAll = vi.fn<() => void>()
  readonly retry = vi.fn<(id: string) => void>()
  readonly retryAll = vi.fn<() => void>()
  readonly remove = vi.fn<(id: string) => void>()
  readonly destroy = vi.fn<() => void>()
  readonly clearFinished = vi.fn<() => void>()
  readonly revert = vi.fn(async (_id: string): Promise<void> => {})
  readonly resumeRestored = vi.fn(async (): Promise<AddFilesResult> => ({ added: [], rejected: [] }))
  readonly discardRestored = vi.fn(async (): Promise<void> => {})

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  getSnapshot = (): UploaderSnapshot => this.snapshot

  getFile = (id: string): FileState | undefined => this.snapshot.files.find((file) => file.id === id)

  /** Per-file listeners hear every change here (a fake needs no finer bookkeeping). */
  subscribeFile = (_id: string, listener: () => void): (() => void) => this.subscribe(listener)

  on<K extends UploaderEventName>(event: K, listener: (payload: UploaderEvents[K]) => void): () => void {
    const set = this.#events.get(event) ?? new Set()
    set.add(listener as Listener)
    this.#events.set(event, set)
    return () => set.delete(listener as Listener)
  }

  emit<K extends UploaderEventName>(event: K, payload: UploaderEvents[K]): void {
    for (const listener of this.#events.get(event) ?? [])
      (listener as (p: UploaderEvents[K]) => void)(payload)
  }

  /** Replaces the snapshot and notifies the subscribers. */
  set(snapshot: UploaderSnapshot): UploaderSnapshot {
    this.snapshot = snapshot
    for (const listener of this.#listeners) listener()
    return snapshot
  }

  /** Replaces the snapshot with these files (counts and totals derived, see `fakeSnapshot`) and notifies. */
  setFiles(files: readonly FileState[], totals: Partial<UploadTotals> = {}): UploaderSnapshot {
    return this.set(fakeSnapshot(files, totals))
  }

  /** Listeners still attached (subscribe + on), for leak checks. */
  get listenerCount(): number {
    let count = this.#listeners.size
    for (const set of this.#events.values()) count += set.size
    return count
  }
}
