import type { Store } from './store.js'

/** Makes a file ready to upload (resize, strip location…); resolves to what to upload instead. */
export type Preprocess = ((file: File | Blob, context: { signal: AbortSignal }) => Promise<File | Blob>) & {
  /** Reads the real type of a file the browser gave no (or a generic) type, before the type restrictions. */
  detectType?: (file: Blob) => Promise<string | null | undefined>
}

/**
 * Runs `preprocess` one file at a time, ahead of the upload slots. A failure uploads the original with
 * a console note (a file is never lost); cancel or remove aborts the work at once.
 */
export class Preparer {
  #preprocess: Preprocess
  #store: Store
  #done = new Map<string, Promise<void>>()
  #controllers = new Map<string, AbortController>()
  #prepared = new Set<string>()
  #chain: Promise<void> = Promise.resolve()

  constructor(preprocess: Preprocess, store: Store) {
    this.#preprocess = preprocess
    this.#store = store
  }

  /** Settles once the file was prepared (or cannot be any more); the same promise for each call. */
  prepare(id: string): Promise<void> {
    const existing = this.#done.get(id)
    if (existing) return existing
    const controller = new AbortController()
    this.#controllers.set(id, controller)
    const done = this.#chain.then(() => this.#run(id, controller.signal))
    this.#chain = done
    this.#done.set(id, done)
    return done
  }

  /** Stops a file's preparation; a later `prepare` (a retry) starts it again. */
  cancel(id: string): void {
    this.#controllers.get(id)?.abort()
    this.#controllers.delete(id)
    if (!this.#prepared.has(id)) this.#done.delete(id)
  }

  async #run(id: string, signal: AbortSignal): Promise<void> {
    const file = this.#store.get(id)
    if (!file || signal.aborted || file.status !== 'queued') return
    this.#store.dispatch({ type: 'preparing', id })
    let data: Blob = file.data
    try {
      data = await untilAborted(this.#preprocess(file.data, { signal }), signal)
    } catch (error) {
      if (signal.aborted) return
      console.warn(`[upkit] preparing “${file.name}” failed; uploading the original.`, error)
    }
    if (signal.aborted) return
    const name = data instanceof File ? data.name : file.name
    this.#store.dispatch({ type: 'prepared', id, data, name, mime: data.type || file.type })
    this.#controllers.delete(id)
    this.#prepared.add(id)
  }
}

/** `work`, or a rejection as soon as `signal` aborts: a preprocess that ignores its signal cannot hold the line. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}
