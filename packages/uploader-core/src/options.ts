import type { PersistFactory } from './persist-host.js'
import type { Preprocess } from './preparer.js'
import type { FileState, Messages } from './types.js'

/** Upload fields for ImageKit. Encoded as ImageKit expects (booleans 'true'/'false', arrays comma-joined, objects JSON). */
export interface UploadParams {
  /** @default the file's name */
  fileName?: string
  folder?: string
  tags?: readonly string[] | string
  useUniqueFileName?: boolean
  isPrivateFile?: boolean
  isPublished?: boolean
  customCoordinates?: string
  customMetadata?: Record<string, unknown>
  responseFields?: readonly string[] | string
  extensions?: readonly unknown[]
  transformation?: { pre?: string; post?: readonly Record<string, unknown>[] }
  checks?: string
  webhookUrl?: string
  description?: string
  overwriteFile?: boolean
  overwriteAITags?: boolean
  overwriteTags?: boolean
  overwriteCustomMetadata?: boolean
}

/** What the signing route is told about a file (POST body). */
export interface FileDescription {
  fileName: string
  /** Bytes; absent for a link (`url`), whose size only ImageKit learns. */
  size?: number
  /** The link ImageKit downloads the file from (`addUrl`), instead of bytes from the browser. */
  url?: string
  type: string
  folder?: string
  tags?: readonly string[] | string
  [field: string]: unknown
}

/** V1 signature: `{ token, expire, signature }`, optionally with server-decided `params`. */
export interface SignatureV1 {
  token: string
  expire: number | string
  signature: string
  publicKey?: string
  /** Upload fields the server decided; sent as given, overriding the client's. */
  params?: Record<string, unknown>
}

/** V2 signature: a JWT and the exact form fields it binds (sent unchanged, nothing else added). */
export interface SignatureV2 {
  token: string
  publicKey?: string
  params?: Record<string, string>
}

export type Signature = SignatureV1 | SignatureV2

/** Context handed to an auth function. */
export interface AuthContext {
  /** Aborted when the file is cancelled or removed. */
  signal: AbortSignal
  /** 1-based attempt number. */
  attempt: number
}

export type AuthFunction = (file: FileDescription, context: AuthContext) => Promise<Signature>

/** The app's signing route. */
export interface AuthEndpoint {
  url: string
  /** GET answers ImageKit's classic shape; POST sends the file's description as JSON. @default 'GET' */
  method?: 'GET' | 'POST'
  /** Extra headers for the app's own session (e.g. a CSRF token or bearer). @default {} */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>)
  /** @default 'same-origin' */
  credentials?: RequestCredentials
}

export interface Restrictions {
  /** Bytes. @default null (no limit) */
  maxFileSize?: number | null
  /** Bytes. @default null */
  minFileSize?: number | null
  /** Bytes, over every file in the list. @default null */
  maxTotalFileSize?: number | null
  /** @default null */
  maxNumberOfFiles?: number | null
  /** MIME types, wildcards (`image/*`) or extensions (`.pdf`). @default null (any) */
  allowedFileTypes?: readonly string[] | null
  /** Own check: return/resolve a message (or false, or throw) to reject with VALIDATION_FAILED. @default none */
  validate?: (file: File | Blob) => boolean | string | undefined | Promise<boolean | string | undefined>
}

export interface RetryOptions {
  /** Attempts after the first one. @default 5 */
  limit?: number
  /** First backoff ceiling. @default 1000 */
  baseDelayMs?: number
  /** Backoff cap. @default 30000 */
  maxDelayMs?: number
  /** Longest wait accepted from `Retry-After` / `X-RateLimit-Reset`. @default 120000 */
  maxRetryAfterMs?: number
  /** Full jitter (random between 0 and the ceiling). @default true */
  jitter?: boolean
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface OnlineSource {
  isOnline(): boolean
  /** Calls back on every change; returns an unsubscribe. */
  subscribe(callback: () => void): () => void
}

/** A minimal XMLHttpRequest, so tests can script one. */
export type XhrFactory = () => XMLHttpRequest

export interface UploaderOptions {
  /**
   * Your ImageKit public key (sent in v1; v2 needs none). @default the `publicKey` of the signing route's
   * answer (Upkit's route always sends it); when both are given and differ, the route's wins, with a warning
   */
  publicKey?: string
  /** The app's signing route (URL, `{ url, method, headers, credentials }`) or a function. */
  auth: string | AuthEndpoint | AuthFunction
  /** 1 = classic token/expire/signature; 2 = JWT binding the fields. @default 1 */
  apiVersion?: 1 | 2
  /** @default 'https://upload.imagekit.io/api/v1/files/upload' (v2: '/api/v2/files/upload') */
  uploadEndpoint?: string
  /** Upload fields for every file. @default {} */
  params?: UploadParams
  /** Per-file overrides, merged over `params`. @default none */
  getParams?: (file: FileState) => UploadParams | undefined
  /** @default {} */
  restrictions?: Restrictions
  /** Files uploading at once. @default 3 */
  concurrency?: number
  /** `false` turns retries off. @default {} (see RetryOptions) */
  retry?: RetryOptions | false
  /** No upload progress for this long aborts the attempt (and retries it). @default 30000 */
  stallTimeoutMs?: number
  /** Start uploading as soon as files are added. @default true */
  autoUpload?: boolean
  /**
   * Fetch signatures ahead to hide the signing round trip (GET routes only), e.g. `prefetchSignatures(2)`.
   * Held signatures are dropped 5 minutes before they expire. @default none (sign when each attempt starts)
   */
  prefetch?: SignaturePoolFactory
  /**
   * Sign each file's first attempt ahead, while earlier files upload: POST routes get one
   * `{ files: [...] }` request for the next few files, GET routes one request per file, side by side.
   * Each signature is used once, by its own file, and dropped well before it expires; retries always
   * sign again. `false` signs when each attempt starts. @default true (routes; auth functions sign per attempt)
   */
  signAhead?: boolean
  /**
   * After each upload, ask the app's server to record ImageKit's own file (the route's `complete` action,
   * called only when the route offers it); its answer becomes `file.serverData`. @default true
   */
  complete?: boolean
  /** `remove(id)` of a finished file also deletes it from ImageKit, when the route offers `revert`. @default true */
  revertOnRemove?: boolean
  /** A signing request with no answer after this long is aborted and retried. @default 10000 */
  signTimeoutMs?: number
  /**
   * Keep the queue across reloads and crashes, e.g. `persistQueue()` from `@upkit/uploader-core/persist`
   * (IndexedDB). Restored files wait in `snapshot.restored` for `resumeRestored()`. @default none
   */
  persist?: PersistFactory
  /**
   * Makes each file ready before it uploads (e.g. `prepareImages()` from `@upkit/uploader-core/images`):
   * after the type restrictions, before the size restrictions, one file at a time ahead of the upload
   * slots, aborted by cancel or remove; status `preparing` meanwhile. If it fails, the original is
   * uploaded (with a console note). @default none
   */
  preprocess?: Preprocess
  /** Messages to use (e.g. `de` from '@upkit/uploader-core/locales/de'). @default en */
  locale?: Messages
  /** Overrides for single messages. @default {} */
  messages?: Partial<Messages>
  /** Listeners hear of changes at most once per this many ms; the first change after a pause at once. @default 100 */
  throttleMs?: number
  // ---- injected platform pieces (browser defaults, resolved lazily) ----
  /** @default () => new XMLHttpRequest() */
  xhr?: XhrFactory
  /** @default globalThis.fetch */
  fetch?: typeof fetch
  /** @default Date.now */
  now?: () => number
  /** @default globalThis.setTimeout / clearTimeout */
  timers?: Timers
  /** @default navigator.onLine + window online/offline events (always online on a server) */
  online?: OnlineSource
  /** @default Math.random */
  random?: () => number
}

/** A pool of signatures fetched ahead; see `prefetchSignatures`. */
export interface SignaturePoolLike {
  take(signal: AbortSignal): Promise<Signature>
  dispose(): void
}

export type SignaturePoolFactory = (
  fetchOne: (signal: AbortSignal) => Promise<Signature>,
  now: () => number,
) => SignaturePoolLike
