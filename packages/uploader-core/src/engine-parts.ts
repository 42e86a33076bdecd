import type { Emitter } from './emitter.js'
import type { ErrorFactory } from './localize.js'
import type { Persistence } from './persistence.js'
import type { Platform } from './platform.js'
import type { Scheduler } from './scheduler.js'
import type { Signer } from './signer.js'
import type { Store } from './store.js'
import type { UploaderOptions } from './types.js'
import type { UppyBridge } from './uppy-bridge.js'

/** The pieces one uploader is made of, shared by its commands. */
export interface EngineParts {
  options: UploaderOptions
  store: Store
  emitter: Emitter
  scheduler: Scheduler
  bridge: UppyBridge
  makeError: ErrorFactory
  platform: Platform
  signer: Signer
  persistence: Persistence | undefined
  /** Releases the signer, the online subscription and Uppy. */
  dispose: () => void
}
