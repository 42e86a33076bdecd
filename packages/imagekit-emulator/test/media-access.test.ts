import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startEmulator } from '../src/index.js'
import { type Harness, HELP, harness, stopHarness, uploadV1 } from './helpers.js'
import { api, upload } from './media-helpers.js'

let h: Harness | undefined
afterEach(async () => {
  await stopHarness(h)
  h = undefined
})

const start = async (options: Parameters<typeof harness>[0] = {}) => {
  h = await harness(options)
  return h
}

describe('media API authentication (seeds: Basic auth, private key as user name, empty password)', () => {
  it('401 without a key, 403 for a wrong, expired or disabled one', async () => {
    const h = await start()
    const { fileId } = await upload(h, 'a.txt')
    const path = `/v1/files/${fileId}/details`
    expect(await api(h, 'GET', path, { privateKey: null })).toMatchObject({
      status: 401,
      body: { message: 'Your request does not contain private API key.', help: HELP },
    })
    expect((await api(h, 'GET', path, { privateKey: 'private_wrong' })).body).toMatchObject({
      message: 'Your account cannot be authenticated.',
    })
    const old = h.emu.keys.primary
    h.emu.keys.roll(old.publicKey, { expiresInMs: 0 })
    expect((await api(h, 'GET', path, { privateKey: old.privateKey })).body).toMatchObject({
      message: 'Your request contains expired private API key.',
    })
    h.emu.setAccountDisabled(true)
    expect((await api(h, 'GET', path)).body).toMatchObject({ message: 'Your account is disabled.' })
  })

  it('restricted keys: Read only reads, Read and write writes, None does nothing', async () => {
    const h = await start()
    const { fileId } = await upload(h, 'a.txt')
    const key = (mediaAccess: 'none' | 'read' | 'readwrite') =>
      h.emu.keys.add({ type: 'restricted', mediaAccess }).privateKey
    const [none, read, readwrite] = [key('none'), key('read'), key('readwrite')]
    const calls = [
      ['GET', '/v1/files', undefined, 'read'],
      ['GET', `/v1/files/${fileId}/details`, undefined, 'read'],
      ['GET', `/v1/files/${fileId}/metadata`, undefined, 'read'],
      ['PATCH', `/v1/files/${fileId}/details`, { tags: ['t'] }, 'write'],
      ['POST', '/v1/files/addTags', { fileIds: [fileId], tags: ['t'] }, 'write'],
      ['POST', '/v1/files/removeTags', { fileIds: [fileId], tags: ['t'] }, 'write'],
    ] as const
    for (const [method, path, body, need] of calls) {
      const status = async (privateKey: string) => (await api(h, method, path, { body, privateKey })).status
      expect([method, path, await status(none)]).toEqual([method, path, 403])
      expect([method, path, await status(read)]).toEqual([method, path, need === 'read' ? 200 : 403])
      expect([method, path, await status(readwrite)]).toEqual([method, path, 200])
    }
    const denied = await api(h, 'DELETE', `/v1/files/${fileId}`, { privateKey: read })
    expect(denied.body).toEqual({
      message:
        'Your request is not authorized to perform this action. The API key used does not have read and write media access.',
      help: HELP,
    })
    expect((await api(h, 'DELETE', `/v1/files/${fileId}`, { privateKey: readwrite })).status).toBe(204)
  })
})

describe('rate limits (seeds: every API except upload; 429 with X-RateLimit-*)', () => {
  it('the 101st file-details request in a second gets a 429 with the three headers, then passes once reset', async () => {
    const h = await start()
    const { fileId } = await upload(h, 'a.txt')
    const details = () => api(h, 'GET', `/v1/files/${fileId}/details`)
    for (let i = 0; i < 100; i++) expect((await details()).status).toBe(200)
    h.clock.now += 400
    const refused = await details()
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ message: expect.stringMatching(/rate limit/), help: HELP })
    expect(refused.headers.get('x-ratelimit-limit')).toBe('100')
    expect(refused.headers.get('x-ratelimit-interval')).toBe('1000')
    expect(refused.headers.get('x-ratelimit-reset')).toBe('600')
    expect((await api(h, 'GET', '/v1/files')).status).toBe(200) // another endpoint, its own windows
    h.clock.now += 600
    expect((await details()).status).toBe(200)
  })

  it('the same pace of uploads is never limited, even under the tightest media limits', async () => {
    const h = await start({ rateLimits: { default: [{ limit: 1, intervalMs: 60_000 }] } })
    const answers = await Promise.all(Array.from({ length: 101 }, () => uploadV1(h)))
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([])
    expect(answers.every((answer) => !answer.headers.has('x-ratelimit-limit'))).toBe(true)
    expect(h.emu.stats().uploads).toBe(101)
    expect((await api(h, 'GET', '/v1/files')).status).toBe(200)
    expect((await api(h, 'GET', '/v1/files')).status).toBe(429)
  })

  it('windows are configurable per endpoint, with a default, and can be turned off', async () => {
    let h = await start({ rateLimits: { default: [{ limit: 2, intervalMs: 10_000 }], listFiles: [] } })
    for (let i = 0; i < 5; i++) expect((await api(h, 'GET', '/v1/files')).status).toBe(200)
    const metadata = () => api(h, 'GET', '/v1/files/0123456789abcdef01234567/metadata')
    expect([(await metadata()).status, (await metadata()).status, (await metadata()).status]).toEqual([
      404, 404, 429,
    ])
    await fetch(`${h.emu.url}/_emulator/rate-limits/reset`, { method: 'POST' }) // or h.emu.resetRateLimits()
    expect((await metadata()).status).toBe(404)
    await stopHarness(h)
    h = await start({ rateLimits: false })
    for (let i = 0; i < 150; i++) expect((await api(h, 'GET', '/v1/files')).status).toBe(200)
  })

  it('refuses unknown endpoints and bad windows at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'upkit-limits-'))
    try {
      const listAll = { listAll: [] } as never
      await expect(startEmulator({ dataDir, rateLimits: listAll })).rejects.toThrow(
        /unknown endpoint listAll/,
      )
      const zero = { default: [{ limit: 0, intervalMs: 1 }] }
      await expect(startEmulator({ dataDir, rateLimits: zero })).rejects.toThrow(/limit > 0/)
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})

describe('request ids (seeds: "All API responses contain a x-ik-requestId header")', () => {
  it('on every media answer: 200, 204, 400, 401, 403, 404, 405 and 429', async () => {
    const h = await start({ rateLimits: { getMetadata: [{ limit: 1, intervalMs: 1000 }] } })
    const { fileId } = await upload(h, 'a.txt')
    const answers = [
      await api(h, 'GET', '/v1/files'),
      await api(h, 'GET', '/v1/files?limit=0'),
      await api(h, 'GET', '/v1/files', { privateKey: null }),
      await api(h, 'GET', '/v1/files', { privateKey: 'private_wrong' }),
      await api(h, 'GET', `/v1/files/${fileId}/metadata`),
      await api(h, 'GET', `/v1/files/${fileId}/metadata`),
      await api(h, 'PUT', '/v1/files'),
      await api(h, 'DELETE', '/v1/files/0123456789abcdef01234567'),
      await api(h, 'DELETE', `/v1/files/${fileId}`),
    ]
    expect(answers.map((answer) => answer.status)).toEqual([200, 400, 401, 403, 200, 429, 405, 404, 204])
    const ids = answers.map((answer) => answer.headers.get('x-ik-requestid'))
    for (const [index, answer] of answers.entries()) {
      expect(ids[index]).toMatch(/^[0-9a-f-]{36}$/)
      expect(answer.headers.get('x-request-id')).toBe(ids[index])
    }
    expect(new Set(ids).size).toBe(ids.length)
  })
})
