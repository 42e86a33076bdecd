import type { PersistFactory } from '../persist-host.js'
import { Persistence, type QueueStore, type StoredUpload } from './persistence.js'

export interface PersistQueueOptions {
  /** Tells several uploaders on one origin apart. @default 'default' */
  key?: string
  /** @default globalThis.indexedDB */
  indexedDB?: IDBFactory
}

const STORE = 'uploads'

const done = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })

/**
 * The upload queue in IndexedDB (database `upkit-queue-<key>`): each queued file's Blob, name, type
 * and upload name. Pass it as `createUploader({ persist: persistQueue() })`. Without IndexedDB (a
 * private window, a server) every call rejects, and the engine goes on without persistence.
 */
export function persistQueue(options: PersistQueueOptions = {}): PersistFactory {
  return persistWith(indexedDbQueue(options))
}

/** Persistence over any {@link QueueStore} (IndexedDB is `persistQueue`'s). */
export function persistWith(queue: QueueStore): PersistFactory {
  return (host) => new Persistence(queue, host)
}

/** The queue in IndexedDB. */
export function indexedDbQueue(options: PersistQueueOptions = {}): QueueStore {
  const name = `upkit-queue-${options.key ?? 'default'}`
  let db: Promise<IDBDatabase> | undefined
  const open = () => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const factory = options.indexedDB ?? globalThis.indexedDB
      if (!factory) return reject(new Error('IndexedDB is not available'))
      const request = factory.open(name, 1)
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' })
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    return db
  }
  const run = async <T>(mode: IDBTransactionMode, step: (store: IDBObjectStore) => IDBRequest<T>) => {
    const tx = (await open()).transaction(STORE, mode)
    const result = await done(step(tx.objectStore(STORE)))
    // a write only counts once its transaction committed (a quota error surfaces here)
    if (mode === 'readwrite')
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve()
        tx.onerror = tx.onabort = () => reject(tx.error)
      })
    return result
  }
  return {
    load: () => run('readonly', (store) => store.getAll() as IDBRequest<StoredUpload[]>),
    put: async (upload) => {
      await run('readwrite', (store) => store.put(upload))
    },
    delete: async (id) => {
      await run('readwrite', (store) => store.delete(id))
    },
    clear: async () => {
      await run('readwrite', (store) => store.clear())
    },
  }
}
