import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
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

const secret = new TextEncoder().encode(PRIVATE_KEY)
const clock = fakeClock(1_800_000_000_000)
const handler = handlerWith({
  apiVersion: 2,
  now: clock.now,
  authorize: () => ({ id: 7 }),
  policy: { forcedFolder: (identity) => `/users/${(identity as { id: number }).id}` },
})
const options = { currentDate: new Date(clock.now()) }

/** What an upload service does: verify the JWT and compare its payload with the form fields sent. */
async function acceptsUpload(token: string, form: Record<string, string>): Promise<boolean> {
  const { payload } = await jwtVerify(token, secret, options)
  const { iat, exp, ...fields } = payload
  return JSON.stringify(Object.entries(fields).sort()) === JSON.stringify(Object.entries(form).sort())
}

describe('V2 (JWT) mode', () => {
  it('POST answers { token, expire, publicKey, params, serverTime } with an HS256 JWT whose kid is the public key', async () => {
    const body = {
      fileName: 'cat.png',
      size: 1000,
      type: 'image/png',
      tags: ['summer', 'dress'],
      useUniqueFileName: false,
      customMetadata: { brand: 'Nike' },
      responseFields: ['tags', 'customMetadata'],
    }
    const { status, json } = await call(handler, postJson(body))
    expect(status).toBe(200)
    expect(Object.keys(json).sort()).toEqual(['expire', 'params', 'publicKey', 'serverTime', 'token'])
    expect(json.params).toEqual({
      fileName: 'cat.png',
      folder: '/users/7',
      tags: 'summer,dress',
      useUniqueFileName: 'false',
      customMetadata: '{"brand":"Nike"}',
      responseFields: 'tags,customMetadata',
    })
    expect(decodeProtectedHeader(json.token)).toEqual({ alg: 'HS256', typ: 'JWT', kid: PUBLIC_KEY })
    const { payload } = await jwtVerify(json.token, secret, options)
    expect(payload).toEqual({ ...json.params, iat: 1_800_000_000, exp: 1_800_000_000 + 1800 })
    expect(json.expire).toBe(payload.exp)
  })

  it('binds the fields: the exact params pass, any changed, added or missing field is rejected', async () => {
    const { json } = await call(handler, postJson({ fileName: 'cat.png', folder: '/users/7/a', tags: 'x' }))
    const form: Record<string, string> = json.params
    expect(await acceptsUpload(json.token, form)).toBe(true)
    expect(await acceptsUpload(json.token, { ...form, folder: '/users/8' })).toBe(false)
    expect(await acceptsUpload(json.token, { ...form, isPrivateFile: 'true' })).toBe(false)
    const { tags: _dropped, ...withoutTags } = form
    expect(await acceptsUpload(json.token, withoutTags)).toBe(false)
  })

  it('a token whose payload was edited fails verification', async () => {
    const { json } = await call(handler, postJson({ fileName: 'cat.png' }))
    const [header, , signature] = json.token.split('.')
    const forged = Buffer.from(JSON.stringify({ ...json.params, folder: '/admin', iat: 1, exp: 2 })).toString(
      'base64url',
    )
    await expect(jwtVerify(`${header}.${forged}.${signature}`, secret, options)).rejects.toThrow(/signature/)
    const wrongKey = await new SignJWT(json.params)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('x'))
    await expect(jwtVerify(wrongKey, secret, options)).rejects.toThrow()
  })

  it('keeps exp - iat ≤ 3600 even at the largest expiresIn', async () => {
    const longest = handlerWith({ apiVersion: 2, expiresIn: 3599, now: clock.now })
    const { json } = await call(longest, postJson({ fileName: 'a.png' }))
    const { payload } = await jwtVerify(json.token, secret, options)
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(3599)
  })

  it('GET answers { token, expire, publicKey, params } with only the forced fields bound', async () => {
    const { json } = await call(handler)
    expect(json.params).toEqual({ folder: '/users/7' })
    const { payload } = await jwtVerify(json.token, secret, options)
    expect(payload).toEqual({ folder: '/users/7', iat: 1_800_000_000, exp: 1_800_001_800 })
  })

  it('two tokens for the same fields in the same second differ (each JWT is single-use), and both verify', async () => {
    const first = await call(handler, postJson({ fileName: 'twin.png' }))
    const second = await call(handler, postJson({ fileName: 'twin.png' }))
    expect(second.json.token).not.toBe(first.json.token)
    expect(await acceptsUpload(first.json.token, first.json.params)).toBe(true)
    expect(await acceptsUpload(second.json.token, second.json.params)).toBe(true)
    expect(second.json.expire).toBeLessThan(first.json.expire)
  })

  it('a batch answers one JWT per file', async () => {
    const { json } = await call(handler, postJson({ files: [{ fileName: 'a.png' }, { fileName: 'b.png' }] }))
    expect(json.files.map((file: { params: { fileName: string } }) => file.params.fileName)).toEqual([
      'a.png',
      'b.png',
    ])
  })
})

describe('V2: same-field tokens in one second', () => {
  const sameSecond = fakeClock(1_900_000_000_000)
  const short = (expiresIn: number) =>
    handlerWith({
      apiVersion: 2,
      expiresIn,
      now: sameSecond.now,
      rateLimit: false,
      policy: { maxFiles: Math.min(20, expiresIn) },
    })
  const at = { currentDate: new Date(sameSecond.now()) }

  it('never gives exp ≤ iat: expiresIn + 1 asks get expiresIn distinct tokens, exp from iat + expiresIn to iat + 1', async () => {
    const handler = short(30)
    const expiries: number[] = []
    const tokens = new Set<string>()
    for (let i = 0; i < 31; i++) {
      const { status, json } = await call(handler, postJson({ fileName: 'same.png' }))
      if (status !== 200) continue
      const { payload } = await jwtVerify(json.token, secret, at)
      expect(payload.exp).toBeGreaterThan(payload.iat ?? Number.POSITIVE_INFINITY)
      expiries.push(json.expire)
      tokens.add(json.token)
    }
    expect(tokens.size).toBe(30)
    expect(Math.min(...expiries)).toBe(1_900_000_000 + 1)
    expect(Math.max(...expiries)).toBe(1_900_000_000 + 30)
  })

  it('once they are spent, refuses with 503 TOKENS_EXHAUSTED and Retry-After rather than repeat a token', async () => {
    const handler = short(10)
    for (let i = 0; i < 10; i++)
      expect((await call(handler, postJson({ fileName: 'x.png' }))).status).toBe(200)
    const refused = await call(handler, postJson({ fileName: 'x.png' }))
    expect(refused.status).toBe(503)
    expect(refused.json.code).toBe('TOKENS_EXHAUSTED')
    expect(refused.headers.get('retry-after')).toBe('1')
    expect((await call(handler, postJson({ fileName: 'other.png' }))).status).toBe(200)
    sameSecond.advance(1000)
    const next = await call(handler, postJson({ fileName: 'x.png' }))
    expect(next.status).toBe(200)
    expect(next.json.expire).toBe(1_900_000_001 + 10)
  })

  it('a batch is all or nothing: it fits in what is left, or nothing of it is spent', async () => {
    const handler = short(20)
    const batch = (n: number) => postJson({ files: Array.from({ length: n }, () => ({ fileName: 'b.png' })) })
    expect((await call(handler, batch(15))).status).toBe(200)
    expect((await call(handler, batch(6))).json.code).toBe('TOKENS_EXHAUSTED')
    const rest = await call(handler, batch(5))
    expect(rest.status).toBe(200)
    expect(new Set(rest.json.files.map((file: { expire: number }) => file.expire)).size).toBe(5)
  })

  it('refuses at startup an expiresIn below policy.maxFiles (a batch of identical files could never be signed)', () => {
    expect(() => handlerWith({ apiVersion: 2, expiresIn: 19 })).toThrow(/expiresIn.*maxFiles/)
    expect(() => handlerWith({ apiVersion: 2, expiresIn: 5, policy: { maxFiles: 5 } })).not.toThrow()
    expect(() => handlerWith({ apiVersion: 1, expiresIn: 5 })).not.toThrow()
  })
})
