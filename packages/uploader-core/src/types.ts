import type { Messages } from './locales/en.js'
import type { UploadError } from './upload-error.js'

export type {
  AuthContext,
  AuthEndpoint,
  AuthFunction,
  FileDescription,
  OnlineSource,
  Restrictions,
  RetryOptions,
  Signature,
  SignaturePoolFactory,
  SignaturePoolLike,
  SignatureV1,
  SignatureV2,
  Timers,
  UploaderOptions,
  UploadParams,
  XhrFactory,
} from './options.js'
export type { Messages }

/** Where a file is in its life. A string union, never a set of booleans. */
export type FileStatus =
  | 'queued'
  | 'preparing'
  | 'signing'
  | 'uploading'
  | 'retrying'
  | 'success'
  /** ImageKit accepted the file and queued its processing (HTTP 202, a video pre-transformation). */
  | 'processing'
  | 'error'
  | 'cancelled'

/**
 * Why a file waits before its next attempt (`status === 'retrying'`): the server is busy (429, 503),
 * another server problem (5xx, 408, the signing route), the connection was lost, the upload stalled
 * (no bytes moved for `stallTimeoutMs`), the signature expired or was used, or the browser is offline.
 */
export type RetryReason = 'server-busy' | 'server-error' | 'network' | 'stalled' | 'signature' | 'offline'

/** Stable error codes (DESIGN.md §3 plus the restriction codes). */
export type UploadErrorCode =
  // restrictions (client side, before anything is sent)
  | 'FILE_TOO_LARGE'
  | 'FILE_TOO_SMALL'
  | 'TOTAL_SIZE_EXCEEDED'
  | 'FILE_TYPE_NOT_ALLOWED'
  | 'TOO_MANY_FILES'
  | 'DUPLICATE_FILE'
  | 'VALIDATION_FAILED'
  /** `addUrl`: not an absolute http(s) link, or one with a user name or password in it. */
  | 'INVALID_URL'
  // answers from ImageKit
  | 'STORAGE_LIMIT_EXCEEDED'
  | 'INVALID_SIGNATURE'
  | 'SIGNATURE_EXPIRED'
  | 'TOKEN_REUSED'
  | 'AUTHENTICATION_FAILED'
  | 'KEY_EXPIRED'
  | 'ACCOUNT_DISABLED'
  | 'PERMISSION_DENIED'
  | 'CHECKS_FAILED'
  | 'FILE_EXISTS'
  | 'INVALID_REQUEST'
  | 'RATE_LIMITED'
  | 'SERVER_ERROR'
  // transport and app
  | 'NETWORK_ERROR'
  | 'TIMEOUT'
  | 'SIGNING_FAILED'
  | 'ABORTED'
  | 'INSECURE_ENDPOINT'
  | 'REVERT_FAILED'
  // developer mistakes (messages for the developer, in English in every locale)
  | 'INVALID_OPTIONS'
  | 'INVALID_INPUT'
  | 'INVALID_PARAMS'

/** The plain-data view of an {@link UploadError}, as kept in the snapshot. */
export interface FileError {
  readonly code: UploadErrorCode
  /** Localised, plain-language message (ends with the request id when there is one). */
  readonly message: string
  readonly status?: number | undefined
  readonly requestId?: string | undefined
  readonly retryable: boolean
  /** ImageKit's (or the signing route's) own message, untranslated. */
  readonly serverMessage?: string | undefined
}

/** ImageKit's success answer (v1 and v2), with any extra `responseFields`. */
export interface UploadResult {
  readonly fileId: string
  readonly name: string
  readonly filePath: string
  readonly url: string
  readonly thumbnailUrl?: string
  readonly size: number
  readonly width?: number
  readonly height?: number
  readonly fileType?: string
  readonly [field: string]: unknown
}

/** One file in the snapshot. Immutable; replaced when it changes. */
export interface FileState {
  readonly id: string
  readonly name: string
  /** Bytes. A link's (`url`) size is unknown: 0 until ImageKit answered with what it stored. */
  readonly size: number
  /** MIME type ('' when unknown). */
  readonly type: string
  /** The File/Blob to upload: the one given to `addFiles`, or what `preprocess` made of it (empty for a link). */
  readonly data: Blob
  /** The http(s) link ImageKit downloads the file from (`addUrl`): sent as `file`, no bytes from the browser. */
  readonly url?: string
  /** Bytes before `preprocess` changed the file (absent when it did not). */
  readonly originalSize?: number
  readonly status: FileStatus
  /** Bytes of the file sent in the current attempt; never runs backwards within one attempt. */
  readonly bytesUploaded: number
  /** 0–100, integer. 100 only once ImageKit answered with success. */
  readonly percent: number
  /** Attempts started so far (0 while queued for the first time). */
  readonly attempt: number
  /** When the next attempt starts (epoch ms from the injected clock), while `status === 'retrying'`. */
  readonly nextRetryAt: number | null
  /** True while a retry waits for the network to come back (status stays 'retrying'). */
  readonly waitingForNetwork: boolean
  /** Why the file is retrying; present only while `status === 'retrying'` (set with `nextRetryAt`). */
  readonly retryReason?: RetryReason
  /**
   * When the upload last moved (epoch ms from the injected clock): set when sending starts and on each
   * progress; present only while `status === 'uploading'`. No bytes for a while means a stall.
   */
  readonly progressAt?: number
  readonly error?: FileError
  readonly result?: UploadResult
  /** ImageKit's own words when it accepted the file for processing (status `processing`). */
  readonly notice?: string
  /** What the app's `onUploadComplete` answered (the route's `complete` action), when it offers one. */
  readonly serverData?: unknown
  /** Why the app's server could not record the stored file (it is in ImageKit all the same). */
  readonly completionError?: FileError
}

/** Totals over the files that take part in uploading (cancelled files are left out). */
export interface UploadTotals {
  readonly bytesUploaded: number
  readonly bytesTotal: number
  /** 0–100, weighted by bytes. */
  readonly percent: number
  /** Bytes per second over a moving window; 0 when idle. */
  readonly speed: number
  /** Seconds left at the current speed, or null when unknown. */
  readonly eta: number | null
}

export type UploadCounts = Readonly<Record<FileStatus, number>> & {
  readonly total: number
  /** queued + preparing + signing + uploading + retrying. */
  readonly active: number
}

/** What `getSnapshot()` returns: immutable, the same reference while nothing changed. */
export interface UploaderSnapshot {
  /** In the order they were added. */
  readonly files: readonly FileState[]
  readonly totals: UploadTotals
  readonly counts: UploadCounts
  readonly online: boolean
  /** Files a `persist` queue kept from the last visit, waiting for `resumeRestored()` or `discardRestored()`. */
  readonly restored: number
  /** True while any file is queued, preparing, signing, uploading or retrying. */
  readonly isUploading: boolean
}

export interface FileRejection {
  readonly name: string
  readonly data: File | Blob
  /** The link, for one given to `addUrl`. */
  readonly url?: string
  readonly error: UploadError
}

export interface AddFilesResult {
  readonly added: readonly FileState[]
  readonly rejected: readonly FileRejection[]
}

/** One-shot notices. State lives in the snapshot, not in events. */
export interface UploaderEvents {
  'file-added': { file: FileState }
  'file-rejected': FileRejection
  'upload-success': { file: FileState; result: UploadResult }
  'upload-error': { file: FileState; error: UploadError }
  'retry-scheduled': { file: FileState; error: UploadError; attempt: number; delayMs: number; at: number }
  /** The file is in ImageKit, but the app's server could not record it (`retry(id)` tries again). */
  'completion-error': { file: FileState; error: UploadError }
  /** The route deleted a finished file from ImageKit (`revert(id)`); it is gone from the list. */
  'file-reverted': { file: FileState }
  /** `remove(id)` of a finished file asked the route to delete it, and that failed: the file stays. */
  'revert-error': { file: FileState; error: UploadError }
  /** ImageKit accepted the file and processes it later (202): there is no file record yet. */
  'upload-accepted': { file: FileState; message: string }
  complete: { successful: readonly FileState[]; failed: readonly FileState[]; accepted: readonly FileState[] }
}

export type UploaderEventName = keyof UploaderEvents

export interface Uploader {
  subscribe(listener: () => void): () => void
  getSnapshot(): UploaderSnapshot
  /** One file's current record (the same object the snapshot holds), or undefined once removed. O(1). */
  getFile(id: string): FileState | undefined
  /** Calls `listener` (batched like `subscribe`) only when this file changes or is removed. */
  subscribeFile(id: string, listener: () => void): () => void
  /**
   * Adds files (a FileList, an array or iterable of File/Blob, or one File). Anything that is not a
   * file is rejected per item with INVALID_INPUT; an argument that is no list at all rejects the call.
   */
  addFiles(
    files: Iterable<File | Blob> | ArrayLike<File | Blob> | File | Blob | null | undefined,
  ): Promise<AddFilesResult>
  /**
   * Adds a file that ImageKit downloads from a public http(s) link; `name` defaults to the link's last
   * path segment. Rejects with INVALID_URL for anything but an absolute http(s) link without a user name
   * or password; the restrictions that need no bytes (type by the name's extension, count, duplicates) apply.
   */
  addUrl(url: string, name?: string): Promise<AddFilesResult>
  /** Starts every queued file (not needed with `autoUpload`). */
  upload(): Promise<void>
  cancel(id: string): void
  cancelAll(): void
  /** Starts an errored or cancelled file again with a fresh budget. */
  retry(id: string): void
  retryAll(): void
  /**
   * Stops the file (if busy) and drops it from the list. A finished file whose route offers `revert` is
   * deleted from ImageKit first (`revertOnRemove`): `file-reverted` when done, `revert-error` if not.
   */
  remove(id: string): void
  /**
   * Undo: deletes a finished file from ImageKit through the route's `revert` action, then drops it from
   * the list. Rejects with REVERT_FAILED (the file stays) when the route refuses or fails.
   */
  revert(id: string): Promise<void>
  /** Drops every finished file (success, error, cancelled) from the list in one change. */
  clearFinished(): void
  /** Adds the files a `persist` queue kept from the last visit (see `snapshot.restored`) and uploads them. */
  resumeRestored(): Promise<AddFilesResult>
  /** Forgets the files kept from the last visit. */
  discardRestored(): Promise<void>
  on<K extends UploaderEventName>(event: K, listener: (payload: UploaderEvents[K]) => void): () => void
  destroy(): void
}
