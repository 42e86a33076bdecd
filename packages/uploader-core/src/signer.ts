import { getBatch, postBatch } from './batch-fetch.js'
import { isRetryableStatus, parseJson } from './http.js'
import type { ErrorFactory } from './localize.js'
import { parseRetryAfter } from './retry-policy.js'
import { type AheadSource, SignAhead } from './sign-ahead.js'
import type {
  AuthEndpoint,
  AuthFunction,
  FileDescription,
  Signature,
  SignaturePoolFactory,
  Timers,
} from './types.js'
import { isUploadError, type UploadError, type UploadErrorInit } from './upload-error.js'

export interface SignerOptions {
  auth: string | AuthEndpoint | AuthFunction
  apiVersion: 1 | 2
  fetch: () => typeof fetch
  makeError: ErrorFactory
  now: () => number
  /** Optional prefetch pool (GET routes only). */
  prefetch: SignaturePoolFactory | undefined
  /** A signing request that has not answered after this long is aborted and counts as a retryable failure. */
  timeoutMs?: number
  timers?: () => Timers
  /** Sign first attempts ahead, in batches (routes only). */
  ahead?: { source: AheadSource; lookahead: number } | undefined
}

export type SignFn = (
  file: FileDescription,
  signal: AbortSignal,
  attempt: number,
  id?: string,
) => Promise<Signature>

export interface Signer {
  sign: SignFn
  /** Signs the next queued files ahead, when sign-ahead is on. */
  topUp: () => void
  /** Signs files about to be queued, when sign-ahead is on and none is queued before them. */
  prime: (ids: readonly string[]) => void
  /** Forgets what was signed ahead for a file. */
  drop: (id: string) => void
  dispose: () => void
}

/**
 * Files one batch (POST `{ files }` or GET `?count=n`) signs: every signing request costs a round trip
 * and a slot's idle time, so a batch covers several rounds of uploads (measured: 200 small files took
 * 38 requests with batches the size of `concurrency`). At most 20, the signing route's default `maxFiles`.
 */
const batchSize = (lookahead: number) => Math.min(20, Math.max(8, lookahead * 5))
const noop = () => {}

/** Fetches one fresh signature per attempt from the app's route or function, validated. */
export function createSigner(options: SignerOptions): Signer {
  const { auth } = options
  if (typeof auth === 'function')
    return { sign: signWith(auth, options), topUp: noop, prime: noop, drop: noop, dispose: noop }
  const endpoint: AuthEndpoint = typeof auth === 'string' ? { url: auth } : auth
  const method = endpoint.method ?? (options.apiVersion === 2 ? 'POST' : 'GET')
  const one = (file: FileDescription | undefined, signal: AbortSignal) =>
    requestJson(endpoint, method, file, signal, options).then(({ body }) => validate(body, endpoint, options))
  if (method === 'GET' && options.prefetch) {
    const pool = options.prefetch((signal) => one(undefined, signal), options.now)
    return {
      sign: (_file, signal) => pool.take(signal),
      topUp: noop,
      prime: noop,
      drop: noop,
      dispose: () => pool.dispose(),
    }
  }
  const single: SignFn = (file, signal) => one(method === 'POST' ? file : undefined, signal)
  if (!options.ahead) return { sign: single, topUp: noop, prime: noop, drop: noop, dispose: noop }
  const { source, lookahead } = options.ahead
  const parts = {
    request: (payload: unknown, signal: AbortSignal, query?: string) =>
      requestJson(endpoint, method, payload, signal, options, query).then(({ body }) => body),
    validate: (answer: unknown) => validate(answer, endpoint, options),
    now: options.now,
  }
  const many = method === 'POST' ? postBatch(parts) : getBatch(parts, lookahead * 2)
  const ahead = new SignAhead(many, source, options.now, lookahead, batchSize(lookahead))
  const sign: SignFn = async (file, signal, attempt, id) =>
    (attempt === 1 && id !== undefined ? await ahead.take(id, signal) : undefined) ??
    single(file, signal, attempt)
  return {
    sign,
    topUp: () => ahead.topUp(),
    prime: (ids) => ahead.prime(ids),
    drop: (id) => ahead.drop(id),
    dispose: () => ahead.dispose(),
  }
}

function signWith(auth: AuthFunction, options: SignerOptions): SignFn {
  const { makeError } = options
  return async (file, signal, attempt) => {
    let answer: unknown
    try {
      answer = await auth(file, { signal, attempt })
    } catch (cause) {
      if (signal.aborted) throw makeError('ABORTED')
      if (isUploadError(cause)) throw cause
      const detail = cause instanceof Error ? cause.message : String(cause)
      throw unavailable(makeError, `the auth function threw: ${detail}`, { cause })
    }
    return validate(answer, 'the auth function', options)
  }
}

/** One request to the route, with its own timeout; resolves to the parsed JSON of a 2xx answer. */
export async function requestJson(
  endpoint: AuthEndpoint,
  method: 'GET' | 'POST',
  payload: unknown,
  signal: AbortSignal,
  options: SignerOptions,
  query?: string,
): Promise<{ body: unknown }> {
  const { makeError } = options
  const route = `the signing route ${endpoint.url}`
  const headers: Record<string, string> = {
    ...(typeof endpoint.headers === 'function' ? await endpoint.headers() : endpoint.headers),
  }
  if (method === 'POST') headers['content-type'] = 'application/json'
  const timeout = withTimeout(signal, options)
  try {
    const url = query ? `${endpoint.url}${endpoint.url.includes('?') ? '&' : '?'}${query}` : endpoint.url
    const response = await options.fetch()(url, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(payload) : null,
      // a GET answer must never come from a cache; a POST never does, and 'no-store' would also
      // skip Chromium's CORS preflight cache (one OPTIONS per batch, measured)
      ...(method === 'GET' ? { cache: 'no-store' as const } : {}),
      credentials: endpoint.credentials ?? 'same-origin',
      signal: timeout.signal,
    })
    const text = await response.text()
    if (signal.aborted) throw makeError('ABORTED')
    const body = parseJson(text)
    if (!response.ok) throw refused(response, body, route, makeError, options.now())
    if (body === undefined) throw unavailable(makeError, `${route} did not answer JSON`)
    return { body }
  } catch (cause) {
    if (isUploadError(cause)) throw cause
    if (signal.aborted) throw makeError('ABORTED')
    const what = timeout.expired() ? `did not answer within ${options.timeoutMs} ms` : 'could not be reached'
    throw unavailable(makeError, `${route} ${what}`, { retryable: true, cause })
  } finally {
    timeout.clear()
  }
}

/** A signal that aborts with `signal` or after `timeoutMs` (when set), and whether the timeout fired. */
function withTimeout(signal: AbortSignal, { timeoutMs, timers }: SignerOptions) {
  const controller = new AbortController()
  let expired = false
  const onAbort = () => controller.abort(signal.reason)
  signal.addEventListener('abort', onAbort, { once: true })
  if (signal.aborted) onAbort()
  const handle =
    timeoutMs !== undefined && timers
      ? timers().setTimeout(() => {
          expired = true
          controller.abort()
        }, timeoutMs)
      : undefined
  return {
    signal: controller.signal,
    expired: () => expired,
    clear: () => {
      signal.removeEventListener('abort', onAbort)
      if (handle !== undefined) timers?.().clearTimeout(handle)
    },
  }
}

/** What the person uploading is told for a refusal: the route's own reason for a 4xx that gives one. */
function messageFor(status: number, said: string | undefined): UploadErrorInit['messageKey'] | 'reason' {
  if (status === 401) return 'signingSignIn'
  if (status === 429) return 'signingBusy'
  if (status === 404 || status === 405 || status >= 500) return 'signingUnavailable'
  if (said) return 'reason'
  return status === 403 ? 'signingForbidden' : 'signingUnavailable'
}

function refused(
  response: Response,
  body: unknown,
  route: string,
  makeError: ErrorFactory,
  now: number,
): UploadError {
  const { status } = response
  const raw = (body as { message?: unknown } | undefined)?.message
  const said = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : undefined
  const serverMessage = tellDeveloper(
    `${route} answered ${status}${said ? `: ${said.replace(/\.$/, '')}` : ''}`,
  )
  const retryable = isRetryableStatus(status)
  const retryAfterMs = parseRetryAfter((name) => response.headers.get(name), now)
  const key = messageFor(status, said)
  const init = { status, serverMessage, retryable, retryAfterMs }
  if (key === 'reason') return makeError('SIGNING_FAILED', init, { detail: said ?? '' })
  return makeError('SIGNING_FAILED', { ...init, messageKey: key })
}

const told = new Set<string>()

/** The developer's detail (route, status, its message) goes to the console once, and onto the error. */
function tellDeveloper(detail: string): string {
  if (!told.has(detail)) console.warn(`[upkit] signing failed: ${detail}`)
  told.add(detail)
  return detail
}

const unavailable = (makeError: ErrorFactory, detail: string, init: UploadErrorInit = {}) =>
  makeError('SIGNING_FAILED', {
    ...init,
    serverMessage: tellDeveloper(detail),
    messageKey: 'signingUnavailable',
  })

function validate(answer: unknown, source: AuthEndpoint | string, options: SignerOptions): Signature {
  const a = (answer ?? {}) as Record<string, unknown>
  const missing = ['token', ...(options.apiVersion === 1 ? ['signature', 'expire'] : [])].filter(
    (field) => typeof a[field] !== 'string' && typeof a[field] !== 'number',
  )
  if (missing.length > 0) {
    const name = typeof source === 'string' ? source : `the signing route ${source.url}`
    throw unavailable(options.makeError, `${name} answered without ${missing.join(', ')}`)
  }
  return a as unknown as Signature
}
