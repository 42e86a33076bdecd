export type { PersistFactory, PersistHost, PersistSession } from '../persist-host.js'
export { indexedDbQueue, type PersistQueueOptions, persistQueue, persistWith } from './persist-queue.js'
export type { QueueStore, StoredUpload } from './persistence.js'
