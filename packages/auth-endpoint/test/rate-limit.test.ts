import { afterAll, describe, expect, it } from 'vitest'
import { createAuthHandler, MemoryRateLimitStore, type RateLimitStore } from '../src/index.js'
import {
  call,
  expectNoKeyInAnything,
  fakeClock,
  handlerWith,
  PRIVATE_KEY,
  PUBLIC_KEY,
  recordingLogger,
  URL_BASE,
} from './support.js'

afterAll(expectNoKeyInAnything)

const asUser = (user: string) => new Request(URL_BASE, { headers: { 'x-user': user } })
const authorize = (request: Request) => request.headers.get('x-user')

describe('rate limit', () => {
  it("answers 429 with ImageKit's X-RateLimit-* headers, then recovers after the reset", async () => {
    const clock = fakeClock()
    const handler = handlerWith({ now: clock.now, authorize, rateLimit: { limit: 2, intervalMs: 60_000 } })
    expect((await call(handler, asUser('ann'))).status).toBe(200)
    clock.advance(15_000)
    expect((await call(handler, asUser('ann'))).status).toBe(200)
    const limited = await call(handler, asUser('ann'))
    expect(limited.status).toBe(429)
    expect(limited.json).toEqual({
      code: 'RATE_LIMITED',
      message: 'Too many signing requests; try again in 45 s.',
    })
    expect(limited.headers.get('x-ratelimit-limit')).toBe('2')
    expect(limited.headers.get('x-ratelimit-reset')).toBe('45000')
    expect(limited.headers.get('x-ratelimit-interval')).toBe('60000')
    expect(limited.headers.get('retry-after')).toBe('45')
    expect(limited.headers.get('cache-control')).toBe('no-store')

    expect((await call(handler, asUser('bob'))).status).toBe(200)
    clock.advance(44_999)
    expect((await call(handler, asUser('ann'))).headers.get('x-ratelimit-reset')).toBe('1')
    clock.advance(1)
    expect((await call(handler, asUser('ann'))).status).toBe(200)
  })

  it('limits anonymous callers by the client address the adapter passes in', async () => {
    const clock = fakeClock()
    const handler = createAuthHandler({
      publicKey: PUBLIC_KEY,
      privateKey: PRIVATE_KEY,
      allowAnonymous: true,
      logger: recordingLogger(),
      now: clock.now,
      rateLimit: { limit: 1, intervalMs: 1000 },
    })
    const from = (clientAddress: string, forwardedFor = '203.0.113.9') =>
      handler(new Request(URL_BASE, { headers: { 'x-forwarded-for': forwardedFor } }), { clientAddress })
    expect((await from('10.0.0.1')).status).toBe(200)
    expect((await from('10.0.0.1', '198.51.100.7')).status).toBe(429)
    expect((await from('10.0.0.2')).status).toBe(200)
  })

  it('with trustProxy, takes the address the proxy added (the last one), so a client cannot pick its own key', async () => {
    const behind = (trustProxy: boolean | number) => {
      const handler = createAuthHandler({
        publicKey: PUBLIC_KEY,
        privateKey: PRIVATE_KEY,
        allowAnonymous: true,
        trustProxy,
        logger: recordingLogger(),
        rateLimit: { limit: 1, intervalMs: 1000 },
      })
      return async (forwardedFor: string) => {
        const request = new Request(URL_BASE, { headers: { 'x-forwarded-for': forwardedFor } })
        return (await handler(request, { clientAddress: '10.0.0.1' })).status
      }
    }
    const oneProxy = behind(true)
    expect(await oneProxy('203.0.113.9')).toBe(200)
    expect(await oneProxy('spoofed, 203.0.113.9')).toBe(429)
    expect(await oneProxy('203.0.113.10')).toBe(200)
    const twoProxies = behind(2)
    expect(await twoProxies('203.0.113.9, 10.1.1.1')).toBe(200)
    expect(await twoProxies('203.0.113.9, 10.1.1.2')).toBe(429)
  })

  it('uses a pluggable store (several instances can share one)', async () => {
    const keys: string[] = []
    const store: RateLimitStore = {
      async hit(key, intervalMs) {
        keys.push(`${key}@${intervalMs}`)
        return { count: 99, resetMs: 1234 }
      },
    }
    const { status, headers } = await call(
      handlerWith({ authorize: () => ({ id: 7 }), rateLimit: { limit: 5, intervalMs: 10_000, store } }),
    )
    expect(status).toBe(429)
    expect(headers.get('x-ratelimit-reset')).toBe('1234')
    expect(keys).toEqual(['id:7@10000'])
  })

  it('can be turned off', async () => {
    const handler = handlerWith({ rateLimit: false })
    for (let i = 0; i < 700; i++) expect((await handler(new Request(URL_BASE))).status).toBe(200)
  })

  it('the memory store stays bounded and sweeps expired windows', async () => {
    const clock = fakeClock()
    const store = new MemoryRateLimitStore({ now: clock.now, maxKeys: 100 })
    for (let i = 0; i < 1000; i++) await store.hit(`k${i}`, 1000)
    expect(store.size).toBeLessThanOrEqual(100)
    clock.advance(1000)
    await store.hit('fresh', 1000)
    for (let i = 0; i < 1000; i++) await store.hit('fresh', 1000)
    expect(store.size).toBe(1)
    expect(await store.hit('fresh', 1000)).toEqual({ count: 1002, resetMs: 1000 })
  })
})
