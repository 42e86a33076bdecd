import { isRetryableStatus, parseJson } from './http.js'
import type { ErrorFactory } from './localize.js'
import { parseRetryAfter } from './retry-policy.js'
import type { AuthEndpoint, AuthFunction, FileDescription, Signature, SignaturePoolFactory } from './types.js'
import { isUploadError, type UploadError } from './upload-error.js'

export interface SignerOptions {
  auth: string | AuthEndpoint | AuthFunction
  apiVersion: 1 | 2
  fetch: () => typeof fetch
  makeError: ErrorFactory
  now: () => number
  /** Optional prefetch pool (GET routes only). */
  prefetch: SignaturePoolFactory | undefined
}

export type SignFn = (file: FileDescription, signal: AbortSignal, attempt: number) => Promise<Signature>

/** Fetches one fresh signature per attempt from the app's route or function, validated. */
export function createSigner(options: SignerOptions): { sign: SignFn; dispose: () => void } {
  const { auth, makeError } = options
  if (typeof auth === 'function') {
    const sign: SignFn = async (file, signal, attempt) => {
      let answer: unknown
      try {
        answer = await auth(file, { signal, attempt })
      } catch (cause) {
        if (signal.aborted) throw makeError('ABORTED')
        if (isUploadError(cause)) throw cause
        const detail = cause instanceof Error ? cause.message : String(cause)
        throw makeError('SIGNING_FAILED', { serverMessage: detail, cause })
      }
      return validate(answer, 'the auth function', options)
    }
    return { sign, dispose: () => {} }
  }
  const endpoint: AuthEndpoint = typeof auth === 'string' ? { url: auth } : auth
  const method = endpoint.method ?? (options.apiVersion === 2 ? 'POST' : 'GET')
  const fetchOne = (file: FileDescription | undefined, signal: AbortSignal) =>
    requestSignature(endpoint, method, file, signal, options)
  if (method === 'GET' && options.prefetch) {
    const pool = options.prefetch((signal) => fetchOne(undefined, signal), options.now)
    return { sign: (_file, signal) => pool.take(signal), dispose: () => pool.dispose() }
  }
  return { sign: (file, signal) => fetchOne(method === 'POST' ? file : undefined, signal), dispose: () => {} }
}

async function requestSignature(
  endpoint: AuthEndpoint,
  method: 'GET' | 'POST',
  file: FileDescription | undefined,
  signal: AbortSignal,
  options: SignerOptions,
): Promise<Signature> {
  const { makeError } = options
  const route = `the signing route ${endpoint.url}`
  const headers: Record<string, string> = {
    ...(typeof endpoint.headers === 'function' ? await endpoint.headers() : endpoint.headers),
  }
  if (method === 'POST') headers['content-type'] = 'application/json'
  let response: Response
  try {
    response = await options.fetch()(endpoint.url, {
      method,
      headers,
      body: method === 'POST' ? JSON.stringify(file) : null,
      cache: 'no-store',
      credentials: endpoint.credentials ?? 'same-origin',
      signal,
    })
  } catch (cause) {
    if (signal.aborted) throw makeError('ABORTED')
    throw makeError('SIGNING_FAILED', {
      serverMessage: `${route} could not be reached`,
      retryable: true,
      cause,
    })
  }
  const text = await response.text().catch(() => '')
  if (signal.aborted) throw makeError('ABORTED')
  const body = parseJson(text)
  if (!response.ok) throw refused(response, body, route, makeError, options.now())
  if (body === undefined) throw makeError('SIGNING_FAILED', { serverMessage: `${route} did not answer JSON` })
  return validate(body, route, options)
}

function refused(
  response: Response,
  body: unknown,
  route: string,
  makeError: ErrorFactory,
  now: number,
): UploadError {
  const { status } = response
  const said = (body as { message?: unknown } | undefined)?.message
  const detail = `${route} answered ${status}${typeof said === 'string' ? `: ${said.replace(/\.$/, '')}` : ''}`
  const retryable = isRetryableStatus(status)
  const retryAfterMs = parseRetryAfter((name) => response.headers.get(name), now)
  return makeError('SIGNING_FAILED', { status, serverMessage: detail, retryable, retryAfterMs })
}

function validate(answer: unknown, source: string, options: SignerOptions): Signature {
  const a = (answer ?? {}) as Record<string, unknown>
  const missing = ['token', ...(options.apiVersion === 1 ? ['signature', 'expire'] : [])].filter(
    (field) => typeof a[field] !== 'string' && typeof a[field] !== 'number',
  )
  if (missing.length > 0) {
    throw options.makeError('SIGNING_FAILED', {
      serverMessage: `${source} answered without ${missing.join(', ')}`,
    })
  }
  return a as unknown as Signature
}
