import { describe, expect, it, vi } from 'vitest'
import { en } from '../src/index.js'
import { createErrorFactory } from '../src/localize.js'
import { EXPIRY_MARGIN_MS, prefetchSignatures } from '../src/signature-pool.js'
import { createSigner } from '../src/signer.js'
import type { Signature } from '../src/types.js'
import { isUploadError, type UploadError } from '../src/upload-error.js'

const makeError = createErrorFactory(en)
const file = { fileName: 'a.png', size: 3, type: 'image/png', folder: '/x' }

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: string, _init: RequestInit) => new Response(body, { status, headers }))
}

function signer(
  fetchFn: ReturnType<typeof respond>,
  extra: Partial<Parameters<typeof createSigner>[0]> = {},
) {
  return createSigner({
    auth: 'https://app.example/auth',
    apiVersion: 1,
    fetch: () => fetchFn as unknown as typeof fetch,
    makeError,
    now: Date.now,
    prefetch: undefined,
    ...extra,
  })
}

async function failure(promise: Promise<unknown>): Promise<UploadError> {
  try {
    await promise
  } catch (error) {
    if (isUploadError(error)) return error
    throw error
  }
  throw new Error('did not fail')
}

const good = JSON.stringify({ token: 't', expire: 2_000_000_000, signature: 's' })

describe('signer', () => {
  it('GETs with cache: no-store, credentials and headers', async () => {
    const fetchFn = respond(200, good)
    const { sign } = signer(fetchFn, {
      auth: {
        url: 'https://app.example/auth',
        headers: async () => ({ authorization: 'Bearer x' }),
        credentials: 'include',
      },
    })
    await expect(sign(file, new AbortController().signal, 1)).resolves.toMatchObject({ token: 't' })
    const init = fetchFn.mock.calls[0]![1]
    expect(init).toMatchObject({ method: 'GET', cache: 'no-store', credentials: 'include', body: null })
    expect(init.headers).toMatchObject({ authorization: 'Bearer x' })
  })

  it('POSTs the file description as JSON', async () => {
    const fetchFn = respond(200, good)
    const { sign } = signer(fetchFn, { auth: { url: 'https://app.example/auth', method: 'POST' } })
    await sign(file, new AbortController().signal, 1)
    const init = fetchFn.mock.calls[0]![1]
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual(file)
  })

  const unavailable = 'The upload service is not available right now. Please try again later.'
  it.each([
    [respond(200, 'not json'), 'did not answer JSON', false, unavailable],
    [respond(200, JSON.stringify({ token: 't' })), 'answered without signature, expire', false, unavailable],
    [
      respond(
        403,
        JSON.stringify({
          code: 'FILE_TOO_LARGE',
          message: 'a.png is 30 MB; the largest file allowed is 25 MB.',
        }),
      ),
      'answered 403: a.png is 30 MB',
      false,
      'This site did not accept the file: a.png is 30 MB; the largest file allowed is 25 MB.',
    ],
    [respond(403, ''), 'answered 403', false, 'You are not allowed to upload files here.'],
    [
      respond(401, JSON.stringify({ code: 'UNAUTHORIZED', message: 'x' })),
      'answered 401',
      false,
      'Please sign in to upload files.',
    ],
    [respond(404, '<html>Not found</html>'), 'answered 404', false, unavailable],
    [
      respond(429, JSON.stringify({ message: 'slow' })),
      'answered 429',
      true,
      'Too many uploads at once. Please wait a moment and try again.',
    ],
    [respond(503, ''), 'answered 503', true, unavailable],
  ] as const)(
    'SIGNING_FAILED tells the person why in plain words, the developer the route and its answer (%#)',
    async (fetchFn, detail, retryable, message) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
      const error = await failure(signer(fetchFn).sign(file, new AbortController().signal, 1))
      expect(error.code).toBe('SIGNING_FAILED')
      expect(error.retryable).toBe(retryable)
      expect(error.message).toBe(message)
      expect(error.message).not.toContain('app.example')
      expect(error.serverMessage).toContain('the signing route https://app.example/auth')
      expect(error.serverMessage).toContain(detail)
      warn.mockRestore()
    },
  )

  it('SIGNING_FAILED (retryable) when the route cannot be reached', async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError('fetch failed')
    })
    const error = await failure(signer(fetchFn as never).sign(file, new AbortController().signal, 1))
    expect(error).toMatchObject({ code: 'SIGNING_FAILED', retryable: true })
    expect(error.serverMessage).toContain('could not be reached')
    expect(error.message).toMatch(/not available right now/)
  })

  it('wraps a throwing auth function and passes the signal and attempt', async () => {
    const auth = vi.fn(async () => {
      throw new Error('session expired')
    })
    const { sign } = signer(respond(200, good), { auth })
    const error = await failure(sign(file, new AbortController().signal, 3))
    expect(error).toMatchObject({ code: 'SIGNING_FAILED', retryable: false })
    expect(error.serverMessage).toContain('session expired')
    expect(auth).toHaveBeenCalledWith(file, expect.objectContaining({ attempt: 3 }))
  })

  it('ABORTED when cancelled while signing', async () => {
    const controller = new AbortController()
    const fetchFn = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) =>
          init.signal?.addEventListener('abort', () => reject(new Error('x'))),
        ),
    )
    const pending = signer(fetchFn as never).sign(file, controller.signal, 1)
    controller.abort()
    expect((await failure(pending)).code).toBe('ABORTED')
  })
})

describe('prefetchSignatures', () => {
  it('hands out held signatures and drops those close to expiring', async () => {
    let now = 1_000_000_000_000
    let n = 0
    const fetchOne = vi.fn(async (): Promise<Signature> => {
      n++
      return { token: `t${n}`, signature: 's', expire: Math.floor(now / 1000) + 1800 }
    })
    const pool = prefetchSignatures(2)(fetchOne, () => now)
    const signal = new AbortController().signal
    expect((await pool.take(signal)).token).toBe('t1') // nothing held yet: fetched directly, pool fills
    await new Promise((r) => setTimeout(r, 0))
    expect(fetchOne).toHaveBeenCalledTimes(3)
    expect((await pool.take(signal)).token).toBe('t2') // held
    now += 1800_000 - EXPIRY_MARGIN_MS + 1 // t3 is now inside the margin: dropped
    expect((await pool.take(signal)).token).not.toBe('t3')
    pool.dispose()
  })
})
