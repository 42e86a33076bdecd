import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signV1 } from '../src/index.js'
import { basic, form, type Harness, HELP, harness, post, signed, stopHarness, uploadV1 } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const fileFields = () => ({ file: new Blob(['data']), fileName: 'a.txt' })

describe('v1 signature, expire and token', () => {
  it('matches ImageKit’s test vector', () => {
    expect(signV1('private_key_test', 'your_token', 1582269249)).toBe(
      'e71bcd6031016b060d349d212e23e85c791decdd',
    )
  })

  it('refuses a wrong signature (and an upper-case one)', async () => {
    const wrong = await uploadV1(h, {}, { signature: 'a'.repeat(40) })
    expect(wrong.status).toBe(400)
    expect(wrong.body.message).toBe('Your request contains invalid signature parameter.')
    const params = signed(h)
    const upper = await uploadV1(h, {}, { ...params, signature: params.signature.toUpperCase() })
    expect(upper.status).toBe(400)
    expect(await h.emu.files()).toEqual([])
  })

  it.each([
    ['in the past', -10],
    ['exactly one hour ahead', 3600],
    ['more than one hour ahead', 4000],
  ])('refuses an expire %s', async (_label, offset) => {
    const expire = String(Math.floor(h.clock.now / 1000) + offset)
    const answer = await uploadV1(h, {}, { expire })
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({
      message:
        'Your request contains invalid expire parameter. Expire parameter should be a Unix time in less than 1 hour into the future.',
      help: HELP,
    })
  })

  it('refuses a non-numeric expire', async () => {
    const answer = await uploadV1(h, {}, { expire: 'soon' })
    expect(answer.body.message).toMatch(/invalid expire parameter/)
  })

  it('burns tokens: a reused token fails even when the first request failed', async () => {
    const token = randomUUID()
    const failed = await uploadV1(h, { file: undefined }, { token })
    expect(failed.status).toBe(400)
    const reused = await uploadV1(h, {}, { token })
    expect(reused.status).toBe(400)
    expect(reused.body.message).toBe(
      `The token with value '${token}' has been used before. We suggest using V4 UUIDs, or another random string with enough entropy to avoid collisions.`,
    )
    expect(h.emu.stats().tokensUsed).toEqual([token, token])
    expect(await h.emu.files()).toEqual([])
  })

  it('forgets a token once it can no longer be valid', async () => {
    const token = randomUUID()
    expect((await uploadV1(h, {}, { token })).status).toBe(200)
    h.clock.now += 2 * 3600 * 1000 + 1000
    expect((await uploadV1(h, {}, { token })).status).toBe(200)
  })

  it('answers the house-style message for missing auth fields', async () => {
    const params = signed(h)
    const answer = await post(h.emu.uploadUrl, form({ ...fileFields(), ...params, token: undefined }))
    expect(answer.status).toBe(400)
    expect(answer.body.message).toBe('Your request is missing token parameter.')
    const noKey = await post(h.emu.uploadUrl, form({ ...fileFields(), ...params, publicKey: undefined }))
    expect(noKey.body.message).toBe('Your request is missing publicKey parameter.')
  })

  it('refuses an unknown public key', async () => {
    const answer = await uploadV1(h, {}, { publicKey: 'public_nobody' })
    expect(answer.status).toBe(403)
    expect(answer.body.message).toBe('Your account cannot be authenticated.')
  })
})

describe('server-side (Basic auth) upload', () => {
  it('accepts the private key as user name', async () => {
    const answer = await post(h.emu.uploadUrl, form(fileFields()), {
      Authorization: basic(h.emu.keys.primary.privateKey),
    })
    expect(answer.status).toBe(200)
    expect(h.emu.stats().tokensUsed).toEqual([])
  })

  it('401 without any credentials', async () => {
    const answer = await post(h.emu.uploadUrl, form(fileFields()))
    expect(answer.status).toBe(401)
    expect(answer.body).toEqual({ message: 'Your request does not contain private API key.', help: HELP })
  })

  it('403 for a wrong private key', async () => {
    const answer = await post(h.emu.uploadUrl, form(fileFields()), { Authorization: basic('private_wrong') })
    expect(answer.status).toBe(403)
    expect(answer.body.message).toBe('Your account cannot be authenticated.')
  })

  it('400 when both methods are sent', async () => {
    const answer = await post(h.emu.uploadUrl, form({ ...fileFields(), ...signed(h) }), {
      Authorization: basic(h.emu.keys.primary.privateKey),
    })
    expect(answer.status).toBe(400)
    expect(answer.body.message).toBe(
      'Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.',
    )
  })
})

describe('key pairs', () => {
  it('allows five active pairs, refuses a sixth', () => {
    for (let i = 0; i < 4; i++) h.emu.keys.add()
    expect(h.emu.keys.active()).toHaveLength(5)
    expect(() => h.emu.keys.add()).toThrow(/five|5/)
  })

  it('keeps at least one standard pair', () => {
    expect(() => h.emu.keys.remove(h.emu.keys.primary.publicKey)).toThrow(/at least one/)
  })

  it('restricted keys need read-and-write media access', async () => {
    for (const mediaAccess of ['none', 'read'] as const) {
      const key = h.emu.keys.add({ type: 'restricted', mediaAccess })
      const params = signed(h, { publicKey: key.publicKey }, key.privateKey)
      const client = await post(h.emu.uploadUrl, form({ ...fileFields(), ...params }))
      expect(client.status).toBe(403)
      expect(client.body.message).toMatch(/not authorized/)
      const server = await post(h.emu.uploadUrl, form(fileFields()), { Authorization: basic(key.privateKey) })
      expect(server.status).toBe(403)
    }
    const rw = h.emu.keys.add({ type: 'restricted', mediaAccess: 'readwrite' })
    const ok = await post(h.emu.uploadUrl, form(fileFields()), { Authorization: basic(rw.privateKey) })
    expect(ok.status).toBe(200)
  })

  it('a rolled pair works until its expiry, then is refused', async () => {
    const old = h.emu.keys.primary
    const fresh = h.emu.keys.roll(old.publicKey, { expiresInMs: 60 * 60 * 1000 })
    expect(fresh.publicKey).not.toBe(old.publicKey)
    expect(h.emu.keys.primary.publicKey).toBe(fresh.publicKey)
    const oldParams = () => signed(h, { publicKey: old.publicKey }, old.privateKey)
    expect((await post(h.emu.uploadUrl, form({ ...fileFields(), ...oldParams() }))).status).toBe(200)
    expect((await post(h.emu.uploadUrl, form({ ...fileFields(), ...signed(h) }))).status).toBe(200)
    h.clock.now += 60 * 60 * 1000
    const client = await post(h.emu.uploadUrl, form({ ...fileFields(), ...oldParams() }))
    expect(client.status).toBe(403)
    expect(client.body.message).toBe('Your request contains expired public API key.')
    const server = await post(h.emu.uploadUrl, form(fileFields()), { Authorization: basic(old.privateKey) })
    expect(server.status).toBe(403)
    expect(server.body.message).toBe('Your request contains expired private API key.')
    expect((await post(h.emu.uploadUrl, form({ ...fileFields(), ...signed(h) }))).status).toBe(200)
  })

  it('a disabled account is refused', async () => {
    h.emu.setAccountDisabled(true)
    const answer = await uploadV1(h)
    expect(answer.status).toBe(403)
    expect(answer.body.message).toBe('Your account is disabled.')
    h.emu.setAccountDisabled(false)
    expect((await uploadV1(h)).status).toBe(200)
  })
})
