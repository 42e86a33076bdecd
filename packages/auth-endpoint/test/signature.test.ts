import { createHmac } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { createSignature, createToken } from '../src/index.js'
import {
  call,
  expectNoKeyInAnything,
  fakeClock,
  handlerWith,
  PRIVATE_KEY,
  PUBLIC_KEY,
  postJson,
} from './support.js'

afterAll(expectNoKeyInAnything)

describe('the V1 signature', () => {
  it("matches ImageKit's published test vector", async () => {
    expect(await createSignature('private_key_test', 'your_token', 1582269249)).toBe(
      'e71bcd6031016b060d349d212e23e85c791decdd',
    )
  })

  it('GET answers { token, expire, signature, publicKey, serverTime } signed over token + expire', async () => {
    const clock = fakeClock(1_700_000_000_000)
    const { status, json } = await call(handlerWith({ now: clock.now }))
    expect(status).toBe(200)
    expect(Object.keys(json).sort()).toEqual(['expire', 'publicKey', 'serverTime', 'signature', 'token'])
    expect(json.publicKey).toBe(PUBLIC_KEY)
    expect(json.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    const expected = createHmac('sha1', PRIVATE_KEY).update(`${json.token}${json.expire}`).digest('hex')
    expect(json.signature).toBe(expected)
  })

  it('expires 30 minutes after server time by default, or after `expiresIn` seconds', async () => {
    const clock = fakeClock(1_700_000_000_500)
    expect((await call(handlerWith({ now: clock.now }))).json.expire).toBe(1_700_000_000 + 1800)
    expect((await call(handlerWith({ now: clock.now, expiresIn: 600 }))).json.expire).toBe(
      1_700_000_000 + 600,
    )
  })

  it('POST adds `params`: empty unless the server forced something', async () => {
    const { json } = await call(handlerWith(), postJson({ fileName: 'cat.png', size: 10, type: 'image/png' }))
    expect(json.params).toEqual({})
    expect(json.signature).toMatch(/^[0-9a-f]{40}$/)
  })

  it('createToken gives a UUID v4', () => {
    expect(createToken()).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('never repeats a token: 10,000 tokens are all distinct', async () => {
    const handler = handlerWith({ rateLimit: false })
    const tokens = new Set<string>()
    for (let i = 0; i < 500; i++) {
      const batch = Array.from({ length: 20 }, (_, n) => ({ fileName: `f${n}.jpg` }))
      const { json } = await call(handler, postJson({ files: batch }))
      for (const file of json.files) tokens.add(file.token)
    }
    expect(tokens.size).toBe(10_000)
  })
})
