import type { UploaderEventName, UploaderEvents } from './types.js'

type Listener<K extends UploaderEventName> = (payload: UploaderEvents[K]) => void

/** A typed event map for one-shot notices. A throwing listener never breaks the engine. */
export class Emitter {
  #listeners = new Map<UploaderEventName, Set<Listener<never>>>()

  on<K extends UploaderEventName>(event: K, listener: Listener<K>): () => void {
    const set = this.#listeners.get(event) ?? new Set()
    this.#listeners.set(event, set)
    set.add(listener as Listener<never>)
    return () => {
      set.delete(listener as Listener<never>)
    }
  }

  emit<K extends UploaderEventName>(event: K, payload: UploaderEvents[K]): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) {
      try {
        ;(listener as Listener<K>)(payload)
      } catch (error) {
        console.error('[upkit]', event, error)
      }
    }
  }

  clear(): void {
    this.#listeners.clear()
  }
}
