import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { createUploader, type UploaderOptions } from '../src/index.js'
import { makeFile, waitFor } from './helpers/fake-xhr.js'
import { countingXhr, type Servers, startServers } from './helpers/servers.js'

let s: Servers

beforeAll(async () => {
  s = await startServers()
})
afterAll(async () => {
  // jsdom's xhr.abort() does not close the socket, and the emulator's stop() waits for the handler of
  // such a half-sent request (reported): give it a bounded time.
  await Promise.race([s.stop(), new Promise((r) => setTimeout(r, 3000))])
}, 10_000)
afterEach(async () => {
  s.emu.faults.clear()
  s.emu.setStorageQuota(Number.POSITIVE_INFINITY)
  await s.emu.clearFiles()
  s.emu.resetStats()
})

function make(overrides: Partial<UploaderOptions> = {}) {
  const xhr = countingXhr()
  const uploader = createUploader({
    publicKey: s.publicKey,
    auth: s.authUrl,
    uploadEndpoint: s.emu.uploadUrl,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    stallTimeoutMs: 2000,
    xhr: xhr.xhr,
    ...overrides,
  })
  return { uploader, counter: xhr.counter }
}

const idle = (snap: { isUploading: boolean; files: readonly unknown[] }) =>
  !snap.isUploading && snap.files.length > 0

function _expectDistinctTokens() {
  const tokens = s.emu.stats().tokensUsed
  expect(new Set(tokens).size).toBe(tokens.length)
  return tokens
}

describe('signing', () => {
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
    expect(snap.files[0]!.error?.message).toContain('127.0.0.1:9')
    expect(snap.files[0]!.attempt).toBe(2)
    expect(counter.opened).toBe(0)
  })

  it('SIGNING_FAILED at once when the route refuses', async () => {
    const refusing = await startServers({}, { allowAnonymous: false, authorize: () => null })
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
    const forced = await startServers({}, { policy: { forcedFolder: '/users/42' } })
    try {
      const uploader = createUploader({
        publicKey: forced.publicKey,
        auth: { url: forced.authUrl, method: 'POST', headers: { 'x-csrf': '1' } },
        uploadEndpoint: forced.emu.uploadUrl,
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
    const v2 = await startServers({}, { apiVersion: 2 })
    onTestFinished(() => v2.stop())
    const uploader = createUploader({
      publicKey: v2.publicKey,
      auth: v2.authUrl, // POST by default with apiVersion 2: the route binds what the file description asks
      apiVersion: 2,
      uploadEndpoint: v2.emu.uploadUrlV2,
      params: { folder: '/v2', tags: ['a', 'b'], useUniqueFileName: false },
    })
    await uploader.addFiles([makeFile('jwt.png', 700)])
    const snap = await waitFor(uploader, idle)
    expect(snap.files[0]!.error).toBeUndefined()
    expect(snap.files[0]!.result).toMatchObject({ filePath: '/v2/jwt.png', size: 700 })
    expect(await v2.emu.files()).toHaveLength(1)
  })
})
