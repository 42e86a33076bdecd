/** Every code the signing route answers with, and the HTTP status it maps to. */
export const ERROR_STATUS = {
  INVALID_OPTIONS: 500,
  INVALID_JSON: 400,
  INVALID_BODY: 400,
  UNKNOWN_FIELD: 400,
  INVALID_FIELD: 400,
  INVALID_FOLDER: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  ORIGIN_NOT_ALLOWED: 403,
  FIELD_NOT_ALLOWED: 403,
  FOLDER_NOT_ALLOWED: 403,
  /** `complete` / `revert` is not offered by this route (no `onUploadComplete`, or `revert` off). */
  ACTION_NOT_ALLOWED: 403,
  /** `revert` after `revert.windowMs` from the file's `createdAt`. */
  REVERT_EXPIRED: 403,
  FILE_TOO_LARGE: 403,
  FILE_TYPE_NOT_ALLOWED: 403,
  TAG_NOT_ALLOWED: 403,
  TOO_MANY_FILES: 403,
  /** ImageKit has no file with that `fileId`. */
  FILE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  /** ImageKit's media API limited this account; `Retry-After` / `X-RateLimit-Reset` relay its reset. */
  IMAGEKIT_RATE_LIMITED: 429,
  INTERNAL: 500,
  /** ImageKit answered something unexpected (e.g. refused the server's key); the details are logged. */
  IMAGEKIT_ERROR: 502,
  /** ImageKit failed (5xx), timed out or could not be reached. */
  IMAGEKIT_UNAVAILABLE: 503,
  /** V2: every distinct expiry for these exact fields in this second is spent; retry in a second. */
  TOKENS_EXHAUSTED: 503,
  /** `verifyWebhook`: no `webhook-signature` entry matches the body and secret. */
  WEBHOOK_SIGNATURE_INVALID: 401,
  /** `verifyWebhook`: `webhook-timestamp` further from now than the tolerance. */
  WEBHOOK_TIMESTAMP_EXPIRED: 401,
  /** `verifyWebhook`: a signature header is missing or unreadable, or the body is not a JSON event. */
  WEBHOOK_MALFORMED: 400,
} as const

export type AuthErrorCode = keyof typeof ERROR_STATUS

export interface AuthEndpointErrorOptions {
  cause?: unknown
  /** Extra response headers (e.g. `X-RateLimit-*` on 429, `Allow` on 405). */
  headers?: Record<string, string>
}

/**
 * The one error class of `@upkit/auth-endpoint`. Thrown at startup for bad options (`INVALID_OPTIONS`), and
 * answered as JSON `{ code, message }` with the status from {@link ERROR_STATUS}. `authorize` may throw it to
 * choose the refusal, e.g. `throw new AuthEndpointError('FORBIDDEN', 'Only editors may upload.')`.
 */
export class AuthEndpointError extends Error {
  override readonly name = 'AuthEndpointError'
  readonly code: AuthErrorCode
  readonly headers: Readonly<Record<string, string>>

  constructor(code: AuthErrorCode, message: string, options: AuthEndpointErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.headers = options.headers ?? {}
  }

  get status(): number {
    return ERROR_STATUS[this.code]
  }

  toJSON(): { code: AuthErrorCode; message: string } {
    return { code: this.code, message: this.message }
  }
}

/** True for an {@link AuthEndpointError}, also across module copies (checks the name and code). */
export function isAuthEndpointError(value: unknown): value is AuthEndpointError {
  if (value instanceof AuthEndpointError) return true
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as { name?: unknown; code?: unknown }
  return (
    candidate.name === 'AuthEndpointError' &&
    typeof candidate.code === 'string' &&
    candidate.code in ERROR_STATUS
  )
}
