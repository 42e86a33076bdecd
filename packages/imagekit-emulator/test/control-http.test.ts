import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, stopHarness, uploadV1 } from './helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${h.emu.url}/_emulator${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', Origin: 'http://demo.local' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, headers: response.headers, json: await response.json() }
}

describe('/_emulator HTTP mirror', () => {
  it('faults: add, list, answer, remove, clear', async () => {
    const added = await call('POST', '/faults', { times: 1, action: { type: 'status', status: 503 } })
    expect(added.status).toBe(200)
    expect(added.headers.get('access-control-allow-origin')).toBe('http://demo.local')
    expect((await call('GET', '/faults')).json).toHaveLength(1)
    expect((await uploadV1(h)).status).toBe(503)
    expect((await call('GET', '/faults')).json).toEqual([])
    const { json } = await call('POST', '/faults', { action: { type: 'latency', ms: 1 } })
    expect((await call('DELETE', `/faults/${json.id}`)).json).toEqual({ ok: true })
    await call('POST', '/faults', { action: { type: 'latency', ms: 1 } })
    await call('DELETE', '/faults')
    expect(h.emu.faults.list()).toEqual([])
    expect((await call('POST', '/faults', { action: { type: 'boom' } })).status).toBe(400)
  })

  it('files, stats and reset', async () => {
    await uploadV1(h)
    expect((await call('GET', '/files')).json).toHaveLength(1)
    const stats = (await call('GET', '/stats')).json
    expect(stats).toMatchObject({ requests: 1, uploads: 1 })
    expect(stats.tokensUsed).toHaveLength(1)
    await call('POST', '/stats/reset')
    expect(h.emu.stats().requests).toBe(0)
    await call('DELETE', '/files')
    expect(await h.emu.files()).toEqual([])
  })

  it('keys: list, add, roll; account and quota', async () => {
    expect((await call('GET', '/keys')).json).toHaveLength(1)
    const added = await call('POST', '/keys', { type: 'restricted', mediaAccess: 'read' })
    expect(added.json).toMatchObject({ type: 'restricted', mediaAccess: 'read' })
    const pk = encodeURIComponent(h.emu.keys.primary.publicKey)
    const rolled = await call('POST', `/keys/${pk}/roll`, { expiresInMs: 0 })
    expect(rolled.status).toBe(200)
    expect(h.emu.keys.primary.publicKey).toBe(rolled.json.publicKey)
    expect((await call('POST', '/keys/public_unknown/roll', {})).status).toBe(400)
    await call('POST', '/account', { disabled: true })
    expect((await uploadV1(h)).status).toBe(403)
    await call('POST', '/account', { disabled: false })
    await call('POST', '/quota', { bytes: 0 })
    expect((await uploadV1(h)).body.message).toBe('Upload Limit Exceeded.')
    expect((await call('POST', '/quota', { bytes: null })).json).toEqual({ bytes: null })
    expect((await uploadV1(h)).status).toBe(200)
  })
})
