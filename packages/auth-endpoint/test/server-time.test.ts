import { afterAll, describe, expect, it } from 'vitest'
import { call, expectNoKeyInAnything, fakeClock, handlerWith, postJson } from './support.js'

afterAll(expectNoKeyInAnything)

// The route's own clock, so a client whose clock is off can still compute valid expiries.
const clock = fakeClock(1_750_000_000_900)
const SERVER_TIME = 1_750_000_000
const batch = { files: [{ fileName: 'a.png' }, { fileName: 'b.png' }] }

describe.each([1, 2] as const)('serverTime (apiVersion %i)', (apiVersion) => {
  const handler = handlerWith({ apiVersion, now: clock.now })

  it('GET answers carry serverTime: Unix seconds of the route clock', async () => {
    const { json } = await call(handler)
    expect(json.serverTime).toBe(SERVER_TIME)
  })

  it('a POST for one file carries serverTime', async () => {
    const { json } = await call(handler, postJson({ fileName: 'cat.png' }))
    expect(json.serverTime).toBe(SERVER_TIME)
  })

  it('a batch carries serverTime at the top level and in every file', async () => {
    const { json } = await call(handler, postJson(batch))
    expect(Object.keys(json).sort()).toEqual(['files', 'serverTime'])
    expect(json.serverTime).toBe(SERVER_TIME)
    expect(json.files.map((file: { serverTime: number }) => file.serverTime)).toEqual([
      SERVER_TIME,
      SERVER_TIME,
    ])
  })

  it('follows the route clock, not the expiry: expire − serverTime is the lifetime', async () => {
    const { json } = await call(handlerWith({ apiVersion, now: clock.now, expiresIn: 600 }))
    expect(json.expire - json.serverTime).toBeLessThanOrEqual(600)
    expect(json.expire - json.serverTime).toBeGreaterThan(0)
  })
})
