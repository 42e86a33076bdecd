import { logError } from './http.js'

interface Job {
  id: string
  controller: AbortController
  done: () => void
  promise: Promise<void>
}

/**
 * Runs at most `limit` file tasks at once, in the order they were queued. Each task gets an
 * AbortSignal; `cancel(id)` aborts a running task or drops a waiting one.
 */
export class Scheduler {
  #limit: number
  #run: (id: string, signal: AbortSignal) => Promise<void>
  #waiting: Job[] = []
  #running = new Set<Job>()

  constructor(limit: number, run: (id: string, signal: AbortSignal) => Promise<void>) {
    this.#limit = Math.max(1, Math.floor(limit))
    this.#run = run
  }

  /** Queues a file; resolves once its task ended (whatever the outcome) or it was cancelled. */
  enqueue(id: string): Promise<void> {
    const existing = this.#find(id) ?? this.#waiting.find((job) => job.id === id)
    if (existing) return existing.promise
    let done!: () => void
    const promise = new Promise<void>((resolve) => {
      done = resolve
    })
    this.#waiting.push({ id, controller: new AbortController(), done, promise })
    this.#pump()
    return promise
  }

  /** Aborts (running) or drops (waiting) the file's task. Returns whether there was one. */
  cancel(id: string): boolean {
    const running = this.#find(id)
    if (running) {
      running.controller.abort()
      return true
    }
    const index = this.#waiting.findIndex((job) => job.id === id)
    if (index < 0) return false
    const [job] = this.#waiting.splice(index, 1)
    job?.done()
    return true
  }

  cancelAll(): void {
    for (const job of this.#waiting.splice(0)) job.done()
    for (const job of this.#running) job.controller.abort()
  }

  /** The running, not yet aborted job of a file. */
  #find(id: string): Job | undefined {
    for (const job of this.#running) if (job.id === id && !job.controller.signal.aborted) return job
    return undefined
  }

  #pump(): void {
    while (this.#running.size < this.#limit) {
      const job = this.#waiting.shift()
      if (!job) return
      this.#running.add(job)
      this.#run(job.id, job.controller.signal)
        .catch(logError)
        .finally(() => {
          this.#running.delete(job)
          job.done()
          this.#pump()
        })
    }
  }
}
