import type {
  FileState,
  FileStatus,
  Uploader,
  UploaderEventName,
  UploaderEvents,
  UploaderSnapshot,
} from '@upkit/uploader-core'
import { emptySnapshot } from '@upkit/uploader-core/view'
import { vi } from 'vitest'

export function fakeFile(id: string, status: FileStatus, extra: Partial<FileState> = {}): FileState {
  return {
    id,
    name: `${id}.png`,
    size: 2048,
    type: 'image/png',
    data: new Blob(['png'], { type: 'image/png' }),
    status,
    bytesUploaded: 0,
    percent: 0,
    attempt: 0,
    nextRetryAt: null,
    waitingForNetwork: false,
    ...extra,
  }
}

export function fakeSnapshot(files: readonly FileState[], percent = 0, speed = 0): UploaderSnapshot {
  const counts: Record<string, number> = { ...emptySnapshot.counts, total: files.length }
  for (const file of files) counts[file.status] = (counts[file.status] ?? 0) + 1
  counts.active =
    (counts.queued ?? 0) + (counts.signing ?? 0) + (counts.uploading ?? 0) + (counts.retrying ?? 0)
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0)
  return {
    files,
    totals: {
      bytesUploaded: (bytesTotal * percent) / 100,
      bytesTotal,
      percent,
      speed,
      eta: speed ? 12 : null,
    },
    counts: counts as UploaderSnapshot['counts'],
    online: true,
    isUploading: (counts.active ?? 0) > 0,
  }
}

type Listener = (payload: never) => void

/** A scripted `Uploader`: tests set its snapshot and emit its events. */
export class FakeUploader implements Uploader {
  snapshot: UploaderSnapshot = emptySnapshot
  readonly #listeners = new Set<() => void>()
  readonly #events = new Map<string, Set<Listener>>()
  #added = 0
  readonly addFiles = vi.fn(async (files: Iterable<File | Blob> | ArrayLike<File | Blob>) => {
    const list = Array.from(files as ArrayLike<File | Blob>)
    const added = list.map((data) =>
      fakeFile(`f${++this.#added}`, 'queued', { name: (data as File).name, data }),
    )
    this.set(fakeSnapshot([...this.snapshot.files, ...added]))
    return { added, rejected: [] }
  })
  readonly upload = vi.fn(async () => {})
  readonly cancel = vi.fn()
  readonly cancelAll = vi.fn()
  readonly retry = vi.fn()
  readonly retryAll = vi.fn()
  readonly remove = vi.fn()
  readonly destroy = vi.fn()

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  getSnapshot = (): UploaderSnapshot => this.snapshot

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

  set(snapshot: UploaderSnapshot): void {
    this.snapshot = snapshot
    for (const listener of this.#listeners) listener()
  }

  get listenerCount(): number {
    return this.#listeners.size
  }
}
