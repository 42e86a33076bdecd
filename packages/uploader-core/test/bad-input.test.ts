import { afterEach, describe, expect, it, vi } from 'vitest'
import { createUploader, isUploadError, type UploadError, type UploaderOptions } from '../src/index.js'
import { FakeUploadServer, fakeSigner, makeFile, successBody, waitFor } from './helpers/fake-xhr.js'

const base = (): UploaderOptions => ({ publicKey: 'public_test', auth: 'https://app.example/auth' })

function thrown(fn: () => unknown): UploadError {
  try {
    fn()
  } catch (error) {
    if (isUploadError(error)) return error
    throw error
  }
  throw new Error('did not throw')
}

async function rejection(promise: Promise<unknown>): Promise<UploadError> {
  try {
    await promise
  } catch (error) {
    if (isUploadError(error)) return error
    throw error
  }
  throw new Error('did not reject')
}

describe('options are checked at creation', () => {
  afterEach(() => vi.restoreAllMocks())

  const cases: Array<[string, Record<string, unknown>, RegExp]> = [
    ['concurrency NaN', { concurrency: Number.NaN }, /"concurrency" is NaN; pass an integer ≥ 1/],
    ['concurrency 0', { concurrency: 0 }, /"concurrency" is 0/],
    ['concurrency 2.5', { concurrency: 2.5 }, /integer/],
    ['concurrency as a string', { concurrency: '3' }, /"concurrency" is string/],
    ['retry.limit NaN', { retry: { limit: Number.NaN } }, /"retry.limit" is NaN/],
    ['retry.limit negative', { retry: { limit: -1 } }, /"retry.limit" is -1/],
    ['retry as true', { retry: true }, /"retry" is true; pass an object/],
    ['stallTimeoutMs NaN', { stallTimeoutMs: Number.NaN }, /"stallTimeoutMs" is NaN/],
    ['signTimeoutMs 0', { signTimeoutMs: 0 }, /"signTimeoutMs"/],
    ['throttleMs negative', { throttleMs: -5 }, /"throttleMs"/],
    ['auth as a number', { auth: 42 }, /"auth" is 42; pass a URL, \{ url, method\? \}, or a function/],
    ['auth without url', { auth: { method: 'POST' } }, /"auth"/],
    ['auth with a bad method', { auth: { url: '/a', method: 'PUT' } }, /method/],
    ['apiVersion 3', { apiVersion: 3 }, /"apiVersion" is 3; pass 1 or 2/],
    ['publicKey empty', { publicKey: '' }, /"publicKey"/],
    [
      'allowedFileTypes as a string',
      { restrictions: { allowedFileTypes: 'image/*' } },
      /restrictions.allowedFileTypes" is string; pass an array of strings/,
    ],
    ['maxFileSize NaN', { restrictions: { maxFileSize: Number.NaN } }, /restrictions.maxFileSize/],
    ['maxNumberOfFiles 0', { restrictions: { maxNumberOfFiles: 0 } }, /restrictions.maxNumberOfFiles/],
    ['params as a string', { params: 'x' }, /"params" is string/],
    ['timers without clearTimeout', { timers: { setTimeout } }, /"timers".*setTimeout and clearTimeout/],
    ['xhr not a function', { xhr: {} }, /"xhr" is object; pass a function/],
  ]
  for (const [what, override, message] of cases) {
    it(`refuses ${what} with INVALID_OPTIONS`, () => {
      const error = thrown(() => createUploader({ ...base(), ...override } as UploaderOptions))
      expect(error.code).toBe('INVALID_OPTIONS')
      expect(error.message).toMatch(message)
    })
  }

  it('refuses a missing auth with advice, and a missing options object', () => {
    const error = thrown(() => createUploader({ publicKey: 'pk' } as UploaderOptions))
    expect(error).toMatchObject({ code: 'INVALID_OPTIONS' })
    expect(error.message).toMatch(/"auth" option is missing; pass your signing route/)
    expect(thrown(() => createUploader(undefined as unknown as UploaderOptions)).code).toBe('INVALID_OPTIONS')
  })

  it('refuses params that cannot be encoded (a circular customMetadata)', () => {
    const customMetadata: Record<string, unknown> = {}
    customMetadata.self = customMetadata
    const error = thrown(() => createUploader({ ...base(), params: { customMetadata } }))
    expect(error.message).toMatch(/"params" .*\(no circular references\)/)
  })

  it('warns once about an unknown option name', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    createUploader({ ...base(), concurency: 2 } as UploaderOptions)
    createUploader({ ...base(), concurency: 2 } as UploaderOptions)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/unknown option "concurency"/)
  })

  it('takes every option at its documented type without complaint', () => {
    const warn = vi.spyOn(console, 'warn')
    expect(() =>
      createUploader({
        ...base(),
        apiVersion: 2,
        concurrency: 4,
        retry: { limit: 0, baseDelayMs: 0, maxDelayMs: 0, maxRetryAfterMs: 0, jitter: false },
        restrictions: { maxFileSize: null, allowedFileTypes: ['image/*'], maxNumberOfFiles: 2 },
        stallTimeoutMs: 1,
        signAhead: false,
        signTimeoutMs: 100,
        throttleMs: 0,
        params: { folder: '/a', customMetadata: { a: 1 } },
        auth: { url: '/auth', method: 'POST', headers: () => ({}) },
      }),
    ).not.toThrow()
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('addFiles takes files only', () => {
  const uploader = () => createUploader({ ...base(), autoUpload: false })

  it.each([
    ['a string', 'abc', /got the string "abc"/],
    ['null', null, /got null/],
    ['a number', 3, /got a number/],
    ['a plain object', { name: 'a.png', size: 3 }, /got a object/],
  ])('rejects %s as the argument with INVALID_INPUT', async (_what, input, message) => {
    const error = await rejection(uploader().addFiles(input as never))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.message).toMatch(message)
  })

  it('rejects each item that is not a File or Blob, and adds the others', async () => {
    const { added, rejected } = await uploader().addFiles([
      'a.png',
      makeFile('ok.png'),
      { name: 'x.png', size: 3, type: 'image/png' },
      null,
    ] as never)
    expect(added.map((f) => f.name)).toEqual(['ok.png'])
    expect(rejected.map((r) => r.error.code)).toEqual(['INVALID_INPUT', 'INVALID_INPUT', 'INVALID_INPUT'])
    expect(rejected[0]?.error.message).toMatch(/item 0 is the string "a.png", not a file/)
  })

  it('takes one File on its own', async () => {
    const { added } = await uploader().addFiles(makeFile('one.png'))
    expect(added).toHaveLength(1)
  })
})

describe('failures are named after the step that failed', () => {
  it('a getParams that throws fails the file as INVALID_PARAMS, not as signing', async () => {
    const signer = fakeSigner()
    const uploader = createUploader({
      ...base(),
      xhr: new FakeUploadServer().xhr,
      fetch: signer.fetch,
      getParams: () => {
        throw new Error('no folder for this user')
      },
    })
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, (s) => s.counts.error === 1)
    expect(snap.files[0]?.error).toMatchObject({ code: 'INVALID_PARAMS', retryable: false })
    expect(snap.files[0]?.error?.message).toMatch(
      /getParams\(file\) failed for “a.png”: no folder for this user/,
    )
  })

  it('a getParams that throws for one file fails that file only, also while others sign ahead', async () => {
    const signer = fakeSigner()
    const uploader = createUploader({
      ...base(),
      concurrency: 1,
      xhr: new FakeUploadServer().xhr,
      fetch: signer.fetch,
      getParams: (file) => {
        if (file.name === 'b.png') throw new Error('no folder for this user')
        return {}
      },
    })
    await uploader.addFiles([makeFile('a.png'), makeFile('b.png'), makeFile('c.png')])
    const snap = await waitFor(uploader, (s) => s.counts.success + s.counts.error === 3)
    expect(snap.files.map((f) => `${f.name}:${f.status}`)).toEqual([
      'a.png:success',
      'b.png:error',
      'c.png:success',
    ])
    expect(snap.files[1]?.error).toMatchObject({ code: 'INVALID_PARAMS' })
  })

  it('a circular customMetadata from getParams fails as INVALID_PARAMS after signing', async () => {
    const customMetadata: Record<string, unknown> = {}
    customMetadata.self = customMetadata
    const uploader = createUploader({
      ...base(),
      xhr: new FakeUploadServer().xhr,
      fetch: fakeSigner().fetch,
      getParams: () => ({ customMetadata }),
    })
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, (s) => s.counts.error === 1)
    expect(snap.files[0]?.error?.code).toBe('INVALID_PARAMS')
  })
})

describe('publicKey', () => {
  it('is optional: the signing route’s answer carries it', async () => {
    const server = new FakeUploadServer()
    const fetch = (async () =>
      Response.json({
        token: 't',
        expire: 4_000_000_000,
        signature: 's',
        publicKey: 'public_route',
      })) as never
    const uploader = createUploader({ auth: '/auth', xhr: server.xhr, fetch })
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.counts.success === 1)
    expect(server.requests[0]?.field('publicKey')).toBe('public_route')
  })

  it('without one anywhere, the file fails with a coded error that says what to pass', async () => {
    const uploader = createUploader({
      auth: '/auth',
      xhr: new FakeUploadServer().xhr,
      fetch: fakeSigner().fetch,
    })
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, (s) => s.counts.error === 1)
    expect(snap.files[0]?.error?.code).toBe('INVALID_PARAMS')
    expect(snap.files[0]?.error?.message).toMatch(/pass the publicKey option/)
  })
})

describe('re-signing and the signing timeout', () => {
  it('survives two cut connections each replayed with the spent token (issue 11.1)', async () => {
    const server = new FakeUploadServer()
    const answers: Array<(xhr: Parameters<typeof server.onRequest>[0]) => void> = [
      (xhr) => xhr.fail(),
      (xhr) => xhr.respond(400, { message: 'The token has been used before.' }),
      (xhr) => xhr.fail(),
      (xhr) => xhr.respond(400, { message: 'The token has been used before.' }),
      (xhr) => xhr.respond(200, successBody('a.png')),
    ]
    server.onRequest = (xhr) => answers[server.requests.length - 1]?.(xhr)
    const uploader = createUploader({
      ...base(),
      xhr: server.xhr,
      fetch: fakeSigner().fetch,
      retry: { baseDelayMs: 1, maxDelayMs: 1 },
    })
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, (s) => !s.isUploading)
    expect(snap.files[0]?.status).toBe('success')
    expect(new Set(server.requests.map((r) => r.field('token'))).size).toBe(5)
  })

  it('a signing route that never answers times out and is retried (issue 11.2)', async () => {
    vi.useFakeTimers()
    try {
      let calls = 0
      const fetch = ((_url: string, init: RequestInit) => {
        calls++
        if (calls === 1)
          return new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        return Promise.resolve(Response.json({ token: 't2', expire: 4_000_000_000, signature: 's' }))
      }) as unknown as typeof globalThis.fetch
      const server = new FakeUploadServer()
      const retried = vi.fn()
      const uploader = createUploader({
        ...base(),
        xhr: server.xhr,
        fetch,
        signTimeoutMs: 5000,
        signAhead: false, // signed ahead, a timed-out batch just falls back to signing alone
        retry: { baseDelayMs: 10, maxDelayMs: 10, jitter: false },
      })
      uploader.on('retry-scheduled', ({ error }) => retried(error.serverMessage))
      await uploader.addFiles([makeFile('a.png')])
      await vi.advanceTimersByTimeAsync(4999)
      expect(uploader.getSnapshot().files[0]?.status).toBe('signing')
      await vi.advanceTimersByTimeAsync(100)
      expect(retried).toHaveBeenCalledTimes(1)
      expect(retried.mock.calls[0]?.[0]).toMatch(/did not answer within 5000 ms/)
      await vi.advanceTimersByTimeAsync(100)
      expect(uploader.getSnapshot().files[0]?.status).toBe('success')
    } finally {
      vi.useRealTimers()
    }
  })
})
