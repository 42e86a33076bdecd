export type { QueueStore, StoredUpload } from '../persistence.js'
export { type PersistQueueOptions, persistQueue } from './persist-queue.js'
