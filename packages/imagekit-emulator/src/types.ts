/** Public types of the emulator. */

export type MediaAccess = 'none' | 'read' | 'readwrite'
export type KeyType = 'standard' | 'restricted'

export interface KeyPair {
  publicKey: string
  privateKey: string
  type: KeyType
  mediaAccess: MediaAccess
  /** Epoch ms after which the pair is refused (set when the pair is rolled). */
  expiresAt?: number
}

export interface KeyPairInit {
  publicKey?: string
  privateKey?: string
  type?: KeyType
  mediaAccess?: MediaAccess
  expiresAt?: number
}

export interface EmulatorOptions {
  /** Default 0 (a random free port). */
  port?: number
  /** Default '127.0.0.1'. */
  host?: string
  /** Where files, the index and the keys live. Default: `$UPKIT_EMULATOR_DATA` or `~/.upkit-emulator`. */
  dataDir?: string
  /** Key pairs to use instead of the generated, persisted default pair. */
  keys?: KeyPairInit[]
  /** ImageKit plan whose upload size limits apply, per file type (see PLAN_LIMITS). Default 'free'. */
  plan?: Plan
  /** Bytes; when set, the upload limit for every file type, whatever the plan. Default: unset (the plan decides). */
  maxFileSize?: number
  /** How a `file` sent as an http(s) URL is downloaded. */
  remoteFile?: RemoteFileOptions
  /** Bytes. Default: Infinity. */
  storageQuota?: number
  /** Default `${url}/ik`. Files are served at urlEndpoint + filePath. */
  urlEndpoint?: string
  /** Injected clock (epoch ms) for expiry tests. Default Date.now. */
  now?: () => number
  /** When the index journal is folded into a new snapshot (tuning; tests use tiny values). */
  compaction?: CompactionOptions
  /** Media API rate limits per endpoint (default: DEFAULT_RATE_LIMIT_WINDOWS on each); `false` turns them off. */
  rateLimits?: RateLimits | false
  /** Where to POST signed webhook events (uploads, updates, deletes). Default: none. */
  webhook?: WebhookOptions
  /**
   * List `x-ik-requestid` / `x-request-id` in `Access-Control-Expose-Headers`, so browser code can
   * read them. Default false, like ImageKit: its captured answers send `access-control-allow-origin: *`
   * and no expose list (imagekit-php and imagekit-ruby READMEs, 2022), so a browser cannot read the id.
   */
  exposeRequestId?: boolean
}

/** ImageKit's self-serve plans; each has its own upload size limits. */
export type Plan = 'free' | 'lite' | 'pro'

export interface RemoteFileOptions {
  /** Wait for the response headers of each request (redirects too). Default 8000 ms, ImageKit's documented limit. */
  headersTimeoutMs?: number
  /** Longest pause between two chunks of the body before the download is dropped. Default 8000 ms. */
  idleTimeoutMs?: number
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number
}

/** The media API operations the emulator speaks; each has its own rate limits. */
export type MediaEndpoint =
  | 'listFiles'
  | 'getDetails'
  | 'getMetadata'
  | 'updateDetails'
  | 'deleteFile'
  | 'bulkDelete'
  | 'addTags'
  | 'removeTags'

/** At most `limit` requests per `intervalMs` (a fixed window that starts at the first request). */
export interface RateLimitWindow {
  limit: number
  intervalMs: number
}

/** Windows per endpoint; `default` applies to the endpoints not named; `[]` turns one off. */
export type RateLimits = Partial<Record<MediaEndpoint | 'default', readonly RateLimitWindow[]>>

export interface WebhookOptions {
  url: string
  /** The endpoint's secret (ImageKit dashboard: `whsec_…`); every request is signed with it. */
  secret: string
  /** Attempts after the first one when the endpoint fails (non-2xx or no answer). Default 2. */
  retries?: number
  /** Wait before the first retry, doubled for each next one. Default 250 ms. */
  retryDelayMs?: number
  /** Per attempt. Default 5000 ms. */
  timeoutMs?: number
}

export interface WebhookDelivery {
  /** The event id (also the `webhook-id` header). */
  id: string
  type: string
  status: 'pending' | 'delivered' | 'failed'
  attempts: number
  /** HTTP status of the last attempt, or the error that ended it. */
  lastStatus?: number
  lastError?: string
}

/** Compact once the journal has more than `minLines` lines and more than `ratio` × the files stored. */
export interface CompactionOptions {
  /** Default 1000. */
  minLines?: number
  /** Default 2. */
  ratio?: number
}

export interface VersionInfo {
  id: string
  name: string
}

export interface StoredFile {
  fileId: string
  name: string
  filePath: string
  url: string
  thumbnailUrl: string | null
  size: number
  mime: string
  fileType: 'image' | 'non-image'
  width: number | null
  height: number | null
  tags: string[] | null
  customCoordinates: string | null
  customMetadata: Record<string, unknown>
  isPrivateFile: boolean
  isPublished: boolean
  description: string | null
  versionInfo: VersionInfo
  /** Version number (1 for a new file, incremented on overwrite). */
  version: number
  createdAt: string
  updatedAt: string
  /** Absolute path of the stored bytes inside dataDir. */
  diskPath: string
}

export interface Stats {
  /** Upload API requests seen (v1 and v2), including refused and faulted ones. */
  requests: number
  /** Files stored successfully. */
  uploads: number
  /** Every client token (v1 `token` field or v2 JWT) read from a request, in order of arrival. */
  tokensUsed: string[]
}

export type FaultAction =
  | {
      type: 'status'
      status: number
      message?: string
      headers?: Record<string, string>
      body?: string
      /** Send no `x-ik-requestid` / `x-request-id`, like a gateway answering before ImageKit's app does. */
      omitRequestId?: boolean
    }
  | { type: 'rate-limit'; resetMs: number; limit?: number; intervalMs?: number }
  | { type: 'cut'; afterBytes: number }
  | { type: 'stall'; ms?: number }
  | { type: 'latency'; ms: number }
  | { type: 'storage-full' }

export interface FaultMatch {
  /** Matches the client's fileName (form field or file part name): exact or substring. */
  fileName?: string
  path?: 'v1' | 'v2' | 'any'
}

export interface FaultRule {
  match?: FaultMatch
  /** Apply to the next N matching upload requests, then the rule is spent. Default: every match. */
  times?: number
  /** Let the first N matching requests through untouched before applying (an addition to the contract). */
  skip?: number
  action: FaultAction
}

export interface ActiveFault extends FaultRule {
  id: string
  /** Matching requests this rule has answered so far. */
  hits: number
  /** Matching requests seen so far (skipped ones included). */
  seen: number
}
