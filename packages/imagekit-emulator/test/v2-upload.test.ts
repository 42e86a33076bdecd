import { SignJWT } from 'jose'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { basic, form, type Harness, HELP, harness, post, stopHarness } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

interface JwtOptions {
  kid?: string
  privateKey?: string
  iat?: number
  exp?: number
}

async function jwt(h: Harness, payload: Record<string, string>, options: JwtOptions = {}): Promise<string> {
  const key = h.emu.keys.primary
  const iat = options.iat ?? Math.floor(h.clock.now / 1000)
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: options.kid ?? key.publicKey })
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 1800)
    .sign(new TextEncoder().encode(options.privateKey ?? key.privateKey))
}

const bound = { fileName: 'v2.txt', folder: '/users/42', useUniqueFileName: 'false', tags: 'a,b' }

function send(h: Harness, fields: Record<string, string | undefined>, headers: Record<string, string> = {}) {
  return post(h.emu.uploadUrlV2, form({ file: new Blob(['v2 data']), ...fields }), headers)
}

describe('v2 JWT upload', () => {
  it('accepts a token whose payload equals the form fields', async () => {
    const answer = await send(h, { ...bound, token: await jwt(h, bound) })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ name: 'v2.txt', filePath: '/users/42/v2.txt' })
  })

  it('refuses a field that differs from the payload, or one more field', async () => {
    const token = await jwt(h, bound)
    const changed = await send(h, { ...bound, folder: '/users/43', token })
    expect(changed.status).toBe(400)
    expect(changed.body).toEqual({
      message:
        'Your request contains invalid payload. It does not match with the payload used to generate token.',
      help: HELP,
    })
    const token2 = await jwt(h, bound, { iat: Math.floor(h.clock.now / 1000) - 5 })
    const extra = await send(h, { ...bound, isPrivateFile: 'true', token: token2 })
    expect(extra.body.message).toMatch(/does not match/)
    expect(await h.emu.files()).toEqual([])
  })

  it('tokens are single use', async () => {
    const token = await jwt(h, bound)
    expect((await send(h, { ...bound, token })).status).toBe(200)
    const again = await send(h, { ...bound, token })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/has been used before/)
  })

  it('expired, too long-lived, badly signed and missing tokens', async () => {
    const now = Math.floor(h.clock.now / 1000)
    const expired = await send(h, { ...bound, token: await jwt(h, bound, { iat: now - 100, exp: now - 1 }) })
    expect(expired.body.message).toBe('Your request contains expired token.')
    const long = await send(h, { ...bound, token: await jwt(h, bound, { exp: now + 3601 }) })
    expect(long.body.message).toBe('Your request has invalid token.')
    const forged = await send(h, { ...bound, token: await jwt(h, bound, { privateKey: 'private_forged' }) })
    expect(forged.body.message).toBe('Your request has invalid token.')
    const garbage = await send(h, { ...bound, token: 'not-a-jwt' })
    expect(garbage.body.message).toBe('Your request has invalid token.')
    const missing = await send(h, bound)
    expect(missing.status).toBe(400)
    expect(missing.body.message).toBe('Your request is missing token parameter.')
    const unknown = await send(h, { ...bound, token: await jwt(h, bound, { kid: 'public_nobody' }) })
    expect(unknown.status).toBe(403)
  })

  it('respects the injected clock for expiry', async () => {
    const token = await jwt(h, bound)
    h.clock.now += 1801 * 1000
    expect((await send(h, { ...bound, token })).body.message).toBe('Your request contains expired token.')
  })

  it('server-side Basic auth, and both methods at once', async () => {
    const auth = { Authorization: basic(h.emu.keys.primary.privateKey) }
    expect((await send(h, { fileName: 'server.txt' }, auth)).status).toBe(200)
    const both = await send(h, { ...bound, token: await jwt(h, bound) }, auth)
    expect(both.status).toBe(400)
    expect(both.body.message).toBe(
      'Your request contains both token and basic auth parameter. Use only one method, you might be exposing your private API key.',
    )
  })
})
