import { syncChildren } from './element.js'

/** One rendered item of a {@link KeyedList}: created once per key, then updated in place. */
export interface KeyedRow<T> {
  readonly element: HTMLElement
  update(item: T): void
  destroy(): void
}

/**
 * Keeps a container's children in step with a list of keyed items: existing rows are updated in place
 * (so focus inside them survives), new ones are created, gone ones destroyed, and nodes are moved only
 * when they are out of order.
 */
export class KeyedList<T> {
  readonly #container: HTMLElement
  readonly #keyOf: (item: T) => string
  readonly #create: (item: T) => KeyedRow<T>
  readonly #rows = new Map<string, KeyedRow<T>>()

  constructor(container: HTMLElement, keyOf: (item: T) => string, create: (item: T) => KeyedRow<T>) {
    this.#container = container
    this.#keyOf = keyOf
    this.#create = create
  }

  /** Number of rows currently rendered. */
  get size(): number {
    return this.#rows.size
  }

  /** Reconciles the rows with `items` (in order); returns their elements. */
  update(items: readonly T[]): HTMLElement[] {
    this.#removeMissing(new Set(items.map(this.#keyOf)))
    const elements = items.map((item) => this.#upsert(item).element)
    syncChildren(this.#container, elements)
    return elements
  }

  #upsert(item: T): KeyedRow<T> {
    const key = this.#keyOf(item)
    const existing = this.#rows.get(key)
    if (existing) {
      existing.update(item)
      return existing
    }
    const row = this.#create(item)
    this.#rows.set(key, row)
    return row
  }

  #removeMissing(keys: ReadonlySet<string>): void {
    for (const [key, row] of this.#rows) {
      if (keys.has(key)) continue
      row.destroy()
      row.element.remove()
      this.#rows.delete(key)
    }
  }

  /** Destroys every row and empties the container. */
  clear(): void {
    this.update([])
  }
}
