import type { FileState } from './types.js'

/**
 * The files in the order they were added: a map for O(1) reads and an array for the snapshot. The
 * array is copied only when a snapshot already holds it (copy on write), so any number of changes
 * between two snapshots costs one copy at most.
 */
export class FileList {
  #byId = new Map<string, FileState>()
  #index = new Map<string, number>()
  #list: FileState[] = []
  #shared = false

  get(id: string): FileState | undefined {
    return this.#byId.get(id)
  }

  get size(): number {
    return this.#list.length
  }

  ids(): string[] {
    return this.#list.map((file) => file.id)
  }

  /** The current list; it stays unchanged from now on (the next change copies it). */
  share(): readonly FileState[] {
    this.#shared = true
    return this.#list
  }

  append(files: readonly FileState[]): void {
    const list = this.#writable()
    for (const file of files) {
      this.#index.set(file.id, list.length)
      this.#byId.set(file.id, file)
      list.push(file)
    }
  }

  replace(next: FileState): void {
    const at = this.#index.get(next.id)
    if (at === undefined) return
    this.#writable()[at] = next
    this.#byId.set(next.id, next)
  }

  /** Drops these ids in one pass over the list (O(n) however many go). */
  remove(ids: ReadonlySet<string>): void {
    this.#list = this.#list.filter((file) => !ids.has(file.id))
    this.#shared = false
    this.#index.clear()
    this.#list.forEach((file, i) => {
      this.#index.set(file.id, i)
    })
    for (const id of ids) this.#byId.delete(id)
  }

  #writable(): FileState[] {
    if (this.#shared) {
      this.#list = this.#list.slice()
      this.#shared = false
    }
    return this.#list
  }
}
