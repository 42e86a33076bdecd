import type { FaultStore } from './fault-store.js'
import type { FileStore } from './file-store.js'
import type { KeyStore } from './key-store.js'
import type { RateLimiter } from './rate-limiter.js'
import type { TokenStore } from './token-store.js'
import type { Stats } from './types.js'
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
  maxFileSize: number
  storageQuota: number
  accountDisabled: boolean
  /** Full URL endpoint, e.g. http://127.0.0.1:4600/ik */
  urlEndpoint: string
  /** Path prefix under which this server serves files (pathname of urlEndpoint, no trailing slash). */
  servePrefix: string
  /** Requests in flight, so stop() can wait for their cleanup. */
  inflight: Set<Promise<void>>
}
