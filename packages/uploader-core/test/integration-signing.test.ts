import { resetEmulator, type Servers, startServers } from '@upkit/test-support'
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { createUploader, type UploaderOptions } from '../src/index.js'
import { makeFile, waitFor } from './helpers/fake-xhr.js'
import { idle, makeEngine } from './helpers/real-engine.js'

let s: Servers

beforeAll(async () => {
  s = await startServers()
})
afterAll(() => s.stop(), 10_000)
afterEach(() => resetEmulator(s.emulator))

const make = (overrides: Partial<UploaderOptions> = {}) => makeEngine(s, overrides)

describe('signing', () => {
  it('signs ahead through the real GET route with ?count=n: a few requests for many files', async () => {
    const urls: string[] = []
    const countingFetch: typeof fetch = (input, init) => {
      urls.push(String(input))
      return fetch(input, init)
    }
    const { uploader } = make({ fetch: countingFetch, concurrency: 2 })
    await uploader.addFiles(Array.from({ length: 12 }, (_, i) => makeFile(`f${i}.png`)))
    const snap = await waitFor(uploader, idle)
    expect(snap.counts.success).toBe(12)
    expect(urls.length).toBeLessThanOrEqual(3) // batches of 8, topped up: 12 files need 2
    expect(urls.every((url) => url.startsWith(`${s.authUrl}?count=`))).toBe(true)
    expect(new Set(s.emulator.stats().tokensUsed).size).toBe(12)
  })

  it('re-signs once after an expired signature', async () => {
    let calls = 0
    const { uploader, counter } = make({
      auth: async (_file, { signal }) => {
        calls++
        const res = await fetch(s.authUrl, { cache: 'no-store', signal })
        const sig = (await res.json()) as { token: string; expire: number; signature: string }
        // the first answer is stale: ImageKit refuses an expire in the past
        return calls === 1 ? { ...sig, expire: 1_000_000 } : sig
      },
    })
    await uploader.addFiles([makeFile('late.png')])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]).toMatchObject({ status: 'success', attempt: 2 })
    expect(counter.opened).toBe(2)
  })

  it('gives up with SIGNATURE_EXPIRED when the re-signed attempt is expired too', async () => {
    const { uploader, counter } = make({
      auth: async () => ({ token: crypto.randomUUID(), expire: 1_000_000, signature: 'x' }),
    })
    await uploader.addFiles([makeFile('late.png')])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]!.error?.code).toBe('SIGNATURE_EXPIRED')
    expect(counter.opened).toBe(2)
  })

  it('SIGNING_FAILED when the route is down (after retries), naming the route', async () => {
    const { uploader, counter } = make({
      auth: 'http://127.0.0.1:9/api/imagekit/auth',
      retry: { limit: 1, baseDelayMs: 1 },
    })
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]!.error).toMatchObject({ code: 'SIGNING_FAILED', retryable: true })
    expect(snap.files[0]!.error?.serverMessage).toContain('127.0.0.1:9')
    expect(snap.files[0]!.error?.message).not.toContain('127.0.0.1')
    expect(snap.files[0]!.attempt).toBe(2)
    expect(counter.opened).toBe(0)
  })

  it('SIGNING_FAILED at once when the route refuses', async () => {
    const refusing = await startServers({ auth: { allowAnonymous: false, authorize: () => null } })
    try {
      const { uploader, counter } = make({ auth: refusing.authUrl })
      await uploader.addFiles([makeFile('a.png')])
      const snap = await waitFor(uploader, idle)
      expect(snap.files[0]!.error).toMatchObject({ code: 'SIGNING_FAILED', status: 401, retryable: false })
      expect(snap.files[0]!.attempt).toBe(1)
      expect(counter.opened).toBe(0)
    } finally {
      await refusing.stop()
    }
  })
})

describe('POST signing and V2', () => {
  it('POSTs the file description and sends the folder the route forced (v1)', async () => {
    const forced = await startServers({ auth: { policy: { forcedFolder: '/users/42' } } })
    try {
      const uploader = createUploader({
        publicKey: forced.publicKey,
        auth: { url: forced.authUrl, method: 'POST', headers: { 'x-csrf': '1' } },
        uploadEndpoint: forced.emulator.uploadUrl,
        params: { tags: ['t1'], useUniqueFileName: false },
      })
      await uploader.addFiles([makeFile('pic.png', 500)])
      const snap = await waitFor(uploader, idle)
      expect(snap.files[0]!.status).toBe('success')
      expect(snap.files[0]!.result?.filePath).toBe('/users/42/pic.png')
    } finally {
      await forced.stop()
    }
  })

  it('uploads with a V2 token and exactly the bound parameters', async () => {
    const jsdomUint8Array = globalThis.Uint8Array
    // jose (in the emulator and the route) checks `key instanceof Uint8Array`; in the jsdom environment
    // that global is jsdom's, not Node's, so V2 verification fails in-process. Use Node's for this test.
    globalThis.Uint8Array = Object.getPrototypeOf(Buffer.prototype).constructor
    onTestFinished(() => {
      globalThis.Uint8Array = jsdomUint8Array
    })
    const v2 = await startServers({ auth: { apiVersion: 2 } })
    onTestFinished(() => v2.stop())
    const uploader = createUploader({
      publicKey: v2.publicKey,
      auth: v2.authUrl, // POST by default with apiVersion 2: the route binds what the file description asks
      apiVersion: 2,
      uploadEndpoint: v2.emulator.uploadUrlV2,
      params: { folder: '/v2', tags: ['a', 'b'], useUniqueFileName: false },
    })
    await uploader.addFiles([makeFile('jwt.png', 700)])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]!.error).toBeUndefined()
    expect(snap.files[0]!.result).toMatchObject({ filePath: '/v2/jwt.png', size: 700 })
    expect(await v2.emulator.files()).toHaveLength(1)
  })
})
