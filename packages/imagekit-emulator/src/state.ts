import type { IncomingMessage } from 'node:http'
import type { FaultStore } from './fault-store.js'
import type { FileStore } from './file-store.js'
import type { KeyStore } from './key-store.js'
import type { RateLimiter } from './rate-limiter.js'
import type { TokenStore } from './token-store.js'
import type { Plan, RemoteFileOptions, Stats } from './types.js'
import type { WebhookSender } from './webhook-sender.js'

/** Everything a request handler needs; one per emulator. */
export interface EmulatorState {
  keys: KeyStore
  tokens: TokenStore
  files: FileStore
  faults: FaultStore
  /** Media API request counts per endpoint (never consulted by uploads). */
  rateLimiter: RateLimiter
  webhooks: WebhookSender
  stats: Stats
  now: () => number
  /** Upload limit for every file type when set; else the plan's per-type limits apply. */
  maxFileSize: number | undefined
  plan: Plan
  remoteFile: Required<RemoteFileOptions>
  storageQuota: number
  accountDisabled: boolean
  /** Whether CORS exposes the request-id headers (EmulatorOptions.exposeRequestId). */
  exposeRequestId: boolean
  /** Full URL endpoint, e.g. http://127.0.0.1:4600/ik */
  urlEndpoint: string
  /** Path prefix under which this server serves files (pathname of urlEndpoint, no trailing slash). */
  servePrefix: string
  /** Requests in flight, so stop() can wait for their cleanup. */
  inflight: Set<Promise<void>>
  /** Upload requests whose answer is not sent yet, so clearing the files can drop them too. */
  uploads: Set<IncomingMessage>
}
