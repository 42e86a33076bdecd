import type { ChangeHook } from './store.js'
import type { FileState, UploadParams, UploadResult } from './types.js'
import type { AddItem } from './uppy-bridge.js'

/** What the engine lends a persistence plugin: its change hook, its records, and the `restored` count. */
export interface PersistHost {
  onChange(hook: ChangeHook): void
  get(id: string): FileState | undefined
  setRestored(count: number): void
}

/** A persistence plugin at work inside one uploader (see `@upkit/uploader-core/persist`). */
export interface PersistSession {
  /** Settles once the kept queue was read; uploads wait for it. */
  readonly ready: Promise<void>
  /** Extra upload fields that keep a resumed upload to one stored copy. */
  paramsFor(file: FileState, params: UploadParams): UploadParams
  /** The result to record when ImageKit refuses a resumed file as already stored. */
  alreadyUploaded(file: FileState, params: UploadParams): UploadResult | undefined
  /** The kept files, and the kept links (`addUrl`) as entries with their name and a placeholder Blob. */
  takeRestored(): (File | (AddItem & { url: string }))[]
  discardRestored(): Promise<void>
}

/** `createUploader({ persist })`: made by `persistQueue()`, so the engine carries none of it unless used. */
export type PersistFactory = (host: PersistHost) => PersistSession
