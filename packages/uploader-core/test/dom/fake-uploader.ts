import { vi } from 'vitest'
import type {
  AddFilesResult,
  FileState,
  FileStatus,
  Uploader,
  UploaderEventName,
  UploaderEvents,
  UploaderSnapshot,
} from '../../src/types.js'
import { emptySnapshot } from '../../src/view/index.js'

type Listener = (payload: never) => void

/** A scriptable engine: tests set snapshots by hand and see which commands the widget sent. */
export class FakeUploader implements Uploader {
  #snapshot: UploaderSnapshot = emptySnapshot
  readonly listeners = new Set<() => void>()
  readonly events = new Map<string, Set<Listener>>()
  readonly added: Array<File | Blob> = []
  readonly cancel = vi.fn<(id: string) => void>()
  readonly retry = vi.fn<(id: string) => void>()
  readonly remove = vi.fn<(id: string) => void>()
  readonly cancelAll = vi.fn<() => void>()
  readonly retryAll = vi.fn<() => void>()
  readonly upload = vi.fn<() => Promise<void>>(async () => {})
  readonly destroy = vi.fn<() => void>()

  getSnapshot(): UploaderSnapshot {
    return this.#snapshot
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async addFiles(files: Iterable<File | Blob> | ArrayLike<File | Blob>): Promise<AddFilesResult> {
    this.added.push(...Array.from(files))
    return { added: [], rejected: [] }
  }

  on<K extends UploaderEventName>(event: K, listener: (payload: UploaderEvents[K]) => void): () => void {
    const set = this.events.get(event) ?? new Set()
    this.events.set(event, set)
    set.add(listener as Listener)
    return () => set.delete(listener as Listener)
  }

  emit<K extends UploaderEventName>(event: K, payload: UploaderEvents[K]): void {
    for (const listener of this.events.get(event) ?? []) (listener as (p: UploaderEvents[K]) => void)(payload)
  }

  /** Replaces the snapshot with these files (counts and totals derived) and notifies. */
  set(files: FileState[], totals: Partial<UploaderSnapshot['totals']> = {}): UploaderSnapshot {
    const snapshot = snapshotOf(files)
    this.#snapshot = { ...snapshot, totals: { ...snapshot.totals, ...totals } }
    for (const listener of this.listeners) listener()
    return this.#snapshot
  }

  /** Listeners still attached (subscribe + on), for leak checks. */
  get listenerCount(): number {
    let count = this.listeners.size
    for (const set of this.events.values()) count += set.size
    return count
  }
}

export function fileState(id: string, status: FileStatus, extra: Partial<FileState> = {}): FileState {
  return {
    id,
    name: `${id}.png`,
    size: 2048,
    type: 'image/png',
    data: new Blob(['x'], { type: 'image/png' }),
    status,
    bytesUploaded: 0,
    percent: 0,
    attempt: status === 'queued' ? 0 : 1,
    nextRetryAt: null,
    waitingForNetwork: false,
    ...extra,
  }
}

function snapshotOf(files: FileState[]): UploaderSnapshot {
  const counts: Record<string, number> = { ...emptySnapshot.counts, total: files.length }
  for (const file of files) counts[file.status] = (counts[file.status] ?? 0) + 1
  counts.active =
    (counts.queued ?? 0) + (counts.signing ?? 0) + (counts.uploading ?? 0) + (counts.retrying ?? 0)
  const bytesTotal = files.reduce((sum, file) => sum + file.size, 0)
  const bytesUploaded = files.reduce((sum, file) => sum + file.bytesUploaded, 0)
  return {
    files,
    totals: {
      bytesUploaded,
      bytesTotal,
      percent: bytesTotal ? (bytesUploaded / bytesTotal) * 100 : 0,
      speed: 0,
      eta: null,
    },
    counts: counts as unknown as UploaderSnapshot['counts'],
    online: true,
    isUploading: (counts.active ?? 0) > 0,
  }
}

/** Dispatches a drag or paste style event carrying `data` (jsdom has no DragEvent/ClipboardEvent). */
export function dispatchWith(target: EventTarget, type: string, property: string, data: unknown): Event {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperty(event, property, { value: data })
  target.dispatchEvent(event)
  return event
}

/** A DataTransfer-like object holding `files` (with `Files` in `types`). */
export function transferOf(files: File[]): { files: File[]; types: string[]; items: []; dropEffect: string } {
  return { files, types: ['Files'], items: [], dropEffect: 'none' }
}
