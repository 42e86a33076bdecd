import { logError } from './http.js'

interface Job {
  id: string
  controller: AbortController
  done: () => void
  promise: Promise<void>
}

/**
 * Runs at most `limit` file tasks at once, in the order they were queued. Each task gets an
 * AbortSignal; `cancel(id)` aborts a running task or drops a waiting one. Every operation is O(1)
 * per file (the waiting queue is an insertion-ordered Map).
 */
export class Scheduler {
  #limit: number
  #run: (id: string, signal: AbortSignal) => Promise<void>
  #waiting = new Map<string, Job>()
  /** Every running task, aborted ones too until they unwind (they still hold their slot). */
  #running = new Set<Job>()
  /** The running, not aborted task of each file. */
  #live = new Map<string, Job>()

  constructor(limit: number, run: (id: string, signal: AbortSignal) => Promise<void>) {
    this.#limit = limit
    this.#run = run
  }

  /** Queues a file; resolves once its task ended (whatever the outcome) or it was cancelled. */
  enqueue(id: string): Promise<void> {
    const existing = this.#live.get(id) ?? this.#waiting.get(id)
    if (existing) return existing.promise
    let done!: () => void
    const promise = new Promise<void>((resolve) => {
      done = resolve
    })
    this.#waiting.set(id, { id, controller: new AbortController(), done, promise })
    this.#pump()
    return promise
  }

  /** Settles when the file's current task ends (at once when it has none). */
  whenDone(id: string): Promise<void> {
    return (this.#live.get(id) ?? this.#waiting.get(id))?.promise ?? Promise.resolve()
  }

  /** The next `count` waiting ids, in the order they will start. */
  upcoming(count: number): string[] {
    const ids: string[] = []
    for (const id of this.#waiting.keys()) {
      if (ids.length >= count) break
      ids.push(id)
    }
    return ids
  }

  /** Aborts (running) or drops (waiting) the file's task. Returns whether there was one. */
  cancel(id: string): boolean {
    const running = this.#live.get(id)
    if (running) {
      running.controller.abort()
      this.#live.delete(id) // the file may be queued again while the aborted task unwinds
      return true
    }
    const job = this.#waiting.get(id)
    if (!job) return false
    this.#waiting.delete(id)
    job.done()
    return true
  }

  cancelAll(): void {
    for (const job of this.#waiting.values()) job.done()
    this.#waiting.clear()
    for (const job of this.#running) job.controller.abort()
    this.#live.clear()
  }

  #pump(): void {
    while (this.#running.size < this.#limit) {
      const job = this.#waiting.values().next().value
      if (!job) return
      this.#waiting.delete(job.id)
      this.#running.add(job)
      this.#live.set(job.id, job)
      this.#run(job.id, job.controller.signal)
        .catch(logError)
        .finally(() => {
          this.#running.delete(job)
          if (this.#live.get(job.id) === job) this.#live.delete(job.id)
          job.done()
          this.#pump()
        })
    }
  }
}
