import type { Preparer } from './preparer.js'
import type { Scheduler } from './scheduler.js'
import type { Store } from './store.js'
import type { FileState } from './types.js'
import type { UploadError } from './upload-error.js'

export interface PipelineParts {
  scheduler: Scheduler
  preparer: Preparer | undefined
  store: Store
  /** The size restrictions, checked on what `preprocess` made (a 30 MB photo that became 3 MB passes 25 MB). */
  checkSize: (file: FileState) => UploadError | undefined
  failed: (file: FileState, error: UploadError) => void
}

/** A file's way to an upload slot: preparation (one at a time, ahead of the slots), the size check, the queue. */
export class Pipeline {
  #parts: PipelineParts
  #started = new Map<string, Promise<void>>()

  constructor(parts: PipelineParts) {
    this.#parts = parts
  }

  /** Prepares a file ahead (at add time), without queueing it for upload yet. */
  prepareAhead(id: string): void {
    void this.#preparer(id)?.prepare(id)
  }

  /** Sends a queued file on its way; settles when its upload task ended (or it cannot start). */
  start(id: string): Promise<void> {
    const { scheduler } = this.#parts
    const preparer = this.#preparer(id)
    const started = preparer ? preparer.prepare(id).then(() => this.#enqueue(id)) : scheduler.enqueue(id)
    this.#started.set(id, started)
    return started
  }

  whenDone(id: string): Promise<void> {
    return this.#started.get(id) ?? this.#parts.scheduler.whenDone(id)
  }

  cancelAll(): void {
    this.#parts.scheduler.cancelAll()
    for (const id of this.#started.keys()) this.#parts.preparer?.cancel(id)
  }

  cancel(id: string): void {
    this.#parts.preparer?.cancel(id)
    this.#parts.scheduler.cancel(id)
  }

  /** The preparer for a file with bytes: a link (`addUrl`) has none to prepare or to size. */
  #preparer(id: string): Preparer | undefined {
    return this.#parts.store.get(id)?.url === undefined ? this.#parts.preparer : undefined
  }

  #enqueue(id: string): Promise<void> | undefined {
    const { store, checkSize, scheduler, failed } = this.#parts
    const file = store.get(id)
    if (file?.status !== 'queued') return undefined
    const error = checkSize(file)
    if (!error) return scheduler.enqueue(id)
    store.dispatch({ type: 'failed', id, error: error.toJSON() })
    failed(store.get(id) ?? file, error)
    return undefined
  }
}
