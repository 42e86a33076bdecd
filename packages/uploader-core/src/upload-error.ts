import type { FileError, UploadErrorCode } from './types.js'

export interface UploadErrorInit {
  status?: number | undefined
  requestId?: string | undefined
  retryable?: boolean
  serverMessage?: string | undefined
  cause?: unknown
  /** Milliseconds the server asked us to wait (Retry-After / X-RateLimit-Reset). */
  retryAfterMs?: number | undefined
  /** The message to show, when it is not the code's own (e.g. why signing failed). */
  messageKey?:
    | 'signingUnavailable'
    | 'signingSignIn'
    | 'signingForbidden'
    | 'signingBusy'
    | 'urlCredentials'
    | undefined
}

/** The one error type of the engine. `message` is for people (localised, with the request id). */
export class UploadError extends Error {
  override name = 'UploadError' as const
  readonly code: UploadErrorCode
  readonly status: number | undefined
  readonly requestId: string | undefined
  readonly retryable: boolean
  /** ImageKit's (or the signing route's) own message, untranslated. */
  readonly serverMessage: string | undefined
  readonly retryAfterMs: number | undefined

  constructor(code: UploadErrorCode, message: string, init: UploadErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause })
    this.code = code
    this.status = init.status
    this.requestId = init.requestId
    this.retryable = init.retryable ?? false
    this.serverMessage = init.serverMessage
    this.retryAfterMs = init.retryAfterMs
  }

  /** Plain data for the snapshot. */
  toJSON(): FileError {
    const { code, message, status, requestId, retryable, serverMessage } = this
    return { code, message, status, requestId, retryable, serverMessage }
  }
}

/** True for an {@link UploadError}, also across realms or duplicated bundles. */
export function isUploadError(value: unknown): value is UploadError {
  return (
    value instanceof UploadError ||
    (value instanceof Error && value.name === 'UploadError' && 'code' in value)
  )
}
