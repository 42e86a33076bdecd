import { createHmac } from 'node:crypto'
import { decodeJwt } from 'jose'
import { afterAll, describe, expect, it } from 'vitest'
import { call, expectNoKeyInAnything, fakeClock, handlerWith, PRIVATE_KEY, URL_BASE } from './support.js'

afterAll(expectNoKeyInAnything)

const get = (query: string) => new Request(`${URL_BASE}${query}`)
const clock = fakeClock(1_750_000_000_000)

// A client that signs ahead on a GET route asks for several signatures at once: one request per
// batch instead of one per file, as a POST batch does.
describe('GET ?count=n', () => {
  it('answers n distinct V1 signatures, shaped like a POST batch', async () => {
    const { status, json } = await call(handlerWith({ now: clock.now }), get('?count=3'))
    expect(status).toBe(200)
    expect(Object.keys(json).sort()).toEqual(['files', 'serverTime'])
    expect(json.serverTime).toBe(1_750_000_000)
    expect(new Set(json.files.map((file: { token: string }) => file.token)).size).toBe(3)
    for (const file of json.files) {
      const expected = createHmac('sha1', PRIVATE_KEY).update(`${file.token}${file.expire}`).digest('hex')
      expect(file.signature).toBe(expected)
      expect(file.params).toBeUndefined() // no forced folder: nothing bound, as for a plain GET
    }
  })

  it('binds the forced folder to every signature', async () => {
    const handler = handlerWith({ policy: { forcedFolder: () => '/users/7' } })
    const { json } = await call(handler, get('?count=2'))
    expect(json.files.map((file: { params: unknown }) => file.params)).toEqual([
      { folder: '/users/7' },
      { folder: '/users/7' },
    ])
  })

  it('gives at most policy.maxFiles signatures', async () => {
    const { json } = await call(handlerWith({ policy: { maxFiles: 4 } }), get('?count=50'))
    expect(json.files).toHaveLength(4)
  })

  it('without count answers the single documented shape', async () => {
    const { json } = await call(handlerWith(), get('?other=1'))
    expect(json.files).toBeUndefined()
    expect(typeof json.token).toBe('string')
  })

  it.each(['0', '-1', '2.5', 'abc', ''])('refuses count=%j with a coded 400', async (count) => {
    const { status, json } = await call(handlerWith(), get(`?count=${count}`))
    expect(status).toBe(400)
    expect(json.code).toBe('INVALID_FIELD')
    expect(json.message).toMatch(/count query parameter must be a whole number of signatures from 1 to 20/)
  })

  it('V2: every token gets its own expiry, so identical fields still make distinct JWTs', async () => {
    const handler = handlerWith({ apiVersion: 2, now: clock.now, expiresIn: 600 })
    const { json } = await call(handler, get('?count=5'))
    const exps = json.files.map((file: { token: string }) => decodeJwt(file.token).exp)
    expect(new Set(exps).size).toBe(5)
    for (const exp of exps) expect(exp).toBeGreaterThan(1_750_000_000)
  })
})
