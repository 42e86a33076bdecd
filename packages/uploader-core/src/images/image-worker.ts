import { type RenderPlan, type RenderResult, WORKER_FUNCTIONS, workerMain } from './render-image.js'

/** An idle worker is ended after this long, so the memory of its last image goes back. */
const IDLE_MS = 10_000

/** The worker could not start or died (e.g. a Content-Security-Policy without `worker-src blob:`). */
export class WorkerUnavailable extends Error {
  override name = 'WorkerUnavailable'
}

/**
 * The worker's source, from the functions' own text: it works from the package's `dist`, from Vite's
 * dev server and from any app bundle, with no worker file to ship or resolve. `__name` is defined
 * for bundlers that keep function names by wrapping them in calls to it (esbuild's `keepNames`).
 */
export function workerSource(): string {
  const declarations = WORKER_FUNCTIONS.map(String).join('\n')
  return `'use strict';var __name=function(f){return f};\n${declarations}\n(${String(workerMain)})(self)\n`
}

/** True where images can be rendered off the main thread. */
export const canUseWorker = () =>
  typeof Worker === 'function' &&
  typeof OffscreenCanvas === 'function' &&
  typeof createImageBitmap === 'function' &&
  typeof URL.createObjectURL === 'function'

/** One inline worker rendering one image at a time; ended when a render is aborted or after a while idle. */
export class ImageWorker {
  #worker: Worker | undefined
  #url: string | undefined
  #idle: ReturnType<typeof setTimeout> | undefined
  #nextId = 0

  /** Renders in the worker; rejects with the abort reason (and ends the worker) when `signal` aborts. */
  render(blob: Blob, plan: RenderPlan, signal: AbortSignal): Promise<RenderResult | null> {
    signal.throwIfAborted()
    clearTimeout(this.#idle)
    const worker = this.#spawn()
    const id = ++this.#nextId
    return new Promise((resolve, reject) => {
      const settle = (end: () => void, terminate = false) => {
        worker.removeEventListener('message', onMessage)
        worker.removeEventListener('error', onError)
        signal.removeEventListener('abort', onAbort)
        if (terminate) this.terminate()
        else this.#idle = setTimeout(() => this.terminate(), IDLE_MS)
        end()
      }
      const onMessage = ({ data }: MessageEvent) => {
        if (data?.id !== id) return
        settle(() => (data.error ? reject(new Error(data.error)) : resolve(data.result)))
      }
      const onError = (event: ErrorEvent) => {
        event.preventDefault()
        settle(() => reject(new WorkerUnavailable(event.message || 'the image worker failed to start')), true)
      }
      const onAbort = () => settle(() => reject(signal.reason), true)
      worker.addEventListener('message', onMessage)
      worker.addEventListener('error', onError)
      signal.addEventListener('abort', onAbort)
      worker.postMessage({ id, blob, plan })
    })
  }

  /** Ends the worker at once (a render in progress stops where it is). */
  terminate(): void {
    clearTimeout(this.#idle)
    this.#worker?.terminate()
    this.#worker = undefined
  }

  #spawn(): Worker {
    if (this.#worker) return this.#worker
    this.#url ??= URL.createObjectURL(new Blob([workerSource()], { type: 'text/javascript' }))
    this.#worker = new Worker(this.#url, { name: 'upkit-images' })
    return this.#worker
  }
}
