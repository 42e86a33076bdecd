import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { createAuthHandler, type FetchLike } from '../src/index.js'
import { listen } from './servers.js'
import { action, startImageKit, type TestImageKit, uploadThrough } from './support/emulator.js'
import { call, expectNoKeyInAnything, recordingLogger } from './support.js'

afterAll(expectNoKeyInAnything)

let ik: TestImageKit | undefined
afterEach(async () => {
  await ik?.stop()
  ik = undefined
})

function routeFor(keys: { publicKey: string; privateKey: string }, apiBaseUrl: string, fetch?: FetchLike) {
  const logger = recordingLogger()
  const sign = createAuthHandler({
    ...keys,
    apiBaseUrl,
    logger,
    authorize: (request) => request.headers.get('x-user'),
    onUploadComplete: () => 'ok',
    revert: true,
    ...(fetch === undefined ? {} : { fetch }),
  })
  return { sign, logger }
}

describe("ImageKit's failures, answered honestly", () => {
  it("ImageKit's 429 becomes ours (IMAGEKIT_RATE_LIMITED) with its reset as Retry-After and X-RateLimit-Reset", async () => {
    ik = await startImageKit({ rateLimits: { getDetails: [{ limit: 1, intervalMs: 30_000 }] } })
    const { sign } = routeFor(ik.emu.keys.primary, ik.emu.url)
    const uploaded = await uploadThrough(sign, ik.emu, { fileName: 'a.png' })
    expect((await call(sign, action('complete', uploaded.fileId))).status).toBe(200)
    ik.clock.now += 10_000
    const limited = await call(sign, action('complete', uploaded.fileId))
    expect(limited.status).toBe(429)
    expect(limited.json).toEqual({
      code: 'IMAGEKIT_RATE_LIMITED',
      message: 'ImageKit is limiting requests; try again in 20 s.',
    })
    expect(limited.headers.get('retry-after')).toBe('20')
    expect(limited.headers.get('x-ratelimit-reset')).toBe('20000')
  })

  it('a 5xx, a timeout or no answer at all is IMAGEKIT_UNAVAILABLE (503), logged', async () => {
    ik = await startImageKit()
    const failing: FetchLike = async () => new Response('{"message":"boom"}', { status: 502 })
    const five = routeFor(ik.emu.keys.primary, ik.emu.url, failing)
    const got = await call(five.sign, action('complete', '0123456789abcdef01234567'))
    expect([got.status, got.json.code]).toEqual([503, 'IMAGEKIT_UNAVAILABLE'])
    expect(five.logger.lines.join('\n')).toMatch(
      /ImageKit answered 502 to GET \/v1\/files\/0123456789abcdef01234567\/details: boom/,
    )

    const closed = await listen((_req, res) => res.end())
    const url = closed.url
    await closed.close()
    const down = routeFor(ik.emu.keys.primary, url)
    const refused = await call(down.sign, action('revert', '0123456789abcdef01234567'))
    expect([refused.status, refused.json.code]).toEqual([503, 'IMAGEKIT_UNAVAILABLE'])

    const stalls = await listen(() => {}) // never answers
    const slow = createAuthHandler({
      ...ik.emu.keys.primary,
      apiBaseUrl: stalls.url,
      apiTimeoutMs: 100,
      logger: recordingLogger(),
      authorize: () => 'u',
      onUploadComplete: () => 'ok',
    })
    const timedOut = await call(slow, action('complete', '0123456789abcdef01234567'))
    await stalls.close()
    expect([timedOut.status, timedOut.json.code]).toEqual([503, 'IMAGEKIT_UNAVAILABLE'])
  })

  it("a key ImageKit refuses (wrong, or a restricted key without media access) is the server's problem: 502, logged without the key", async () => {
    ik = await startImageKit({
      keys: [{}, { type: 'restricted', mediaAccess: 'read' }],
    })
    const [standard, readOnly] = [...ik.emu.keys]
    if (!standard || !readOnly) throw new Error('two key pairs expected')
    const uploaded = await uploadThrough(routeFor(standard, ik.emu.url).sign, ik.emu, { fileName: 'a.png' })

    const wrong = routeFor(
      { publicKey: standard.publicKey, privateKey: 'private_NotTheRealKey_1234=' },
      ik.emu.url,
    )
    const refused = await call(wrong.sign, action('complete', uploaded.fileId))
    expect(refused.status).toBe(502)
    expect(refused.json).toEqual({
      code: 'IMAGEKIT_ERROR',
      message: "ImageKit refused the server's request; the details are in the server log.",
    })
    expect(wrong.logger.lines.join('\n')).toMatch(/ImageKit answered 40[13] to GET/)

    const reader = routeFor(readOnly, ik.emu.url)
    expect((await call(reader.sign, action('complete', uploaded.fileId))).status).toBe(200)
    const cannotDelete = await call(reader.sign, action('revert', uploaded.fileId))
    expect([cannotDelete.status, cannotDelete.json.code]).toEqual([502, 'IMAGEKIT_ERROR'])
    expect(reader.logger.lines.join('\n')).toMatch(/ImageKit answered 403 to DELETE/)
  })

  it('calls ImageKit with Basic auth, the private key as user name, at apiBaseUrl (default https://api.imagekit.io)', async () => {
    const calls: { url: string; authorization: string | null }[] = []
    const recording: FetchLike = async (url, init) => {
      calls.push({ url, authorization: new Headers(init.headers).get('authorization') })
      return new Response(null, { status: 404 })
    }
    const keys = { publicKey: 'public_abc', privateKey: 'private_TestSecret_9f8e7d6c5b4a=' }
    const sign = createAuthHandler({
      ...keys,
      fetch: recording,
      logger: recordingLogger(),
      authorize: () => 'u',
      onUploadComplete: () => 'ok',
    })
    await call(sign, action('complete', 'abc123'))
    expect(calls).toEqual([
      {
        url: 'https://api.imagekit.io/v1/files/abc123/details',
        authorization: `Basic ${Buffer.from(`${keys.privateKey}:`).toString('base64')}`,
      },
    ])
  })
})
