/** Runs tasks one after another (one decode at a time keeps memory to one image's worth). */
export class SerialLane {
  #tail: Promise<unknown> = Promise.resolve()

  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(task)
    this.#tail = result.catch(() => undefined)
    return result
  }
}
