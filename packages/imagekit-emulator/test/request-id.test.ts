import { afterEach, describe, expect, it } from 'vitest'
import { gatewayErrorFault } from '../src/index.js'
import { type Harness, harness, stopHarness, uploadV1 } from './helpers.js'

let h: Harness | undefined
afterEach(async () => {
  await stopHarness(h)
  h = undefined
})

const exposed = (headers: Headers) => (headers.get('access-control-expose-headers') ?? '').toLowerCase()

describe('request ids (GB-docs: "All API response contains a x-ik-requestId header")', () => {
  it('sends both ids on every answer but, like ImageKit, does not expose them to browsers by default', async () => {
    h = await harness()
    const answer = await uploadV1(h)
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-ik-requestid')).toMatch(/^[0-9a-f-]{36}$/)
    expect(answer.headers.get('x-request-id')).toBe(answer.headers.get('x-ik-requestid'))
    expect(exposed(answer.headers)).not.toContain('x-ik-requestid')
    expect(exposed(answer.headers)).not.toContain('x-request-id')
    expect(exposed(answer.headers)).toContain('x-ratelimit-reset')
  })

  it('exposes them with exposeRequestId: true', async () => {
    h = await harness({ exposeRequestId: true })
    const answer = await uploadV1(h)
    expect(exposed(answer.headers)).toMatch(/^x-ik-requestid, x-request-id, .*x-ratelimit-reset/)
  })

  it('answers a gateway 5xx as HTML with no request id at all', async () => {
    h = await harness({ exposeRequestId: true })
    h.emu.faults.add({ times: 1, action: gatewayErrorFault(502) })
    const answer = await uploadV1(h)
    expect(answer.status).toBe(502)
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/)
    expect(String(answer.body.raw)).toContain('502 Bad Gateway')
    expect(answer.headers.get('x-ik-requestid')).toBeNull()
    expect(answer.headers.get('x-request-id')).toBeNull()
    expect(answer.headers.get('access-control-allow-origin')).toBe('*')
    const next = await uploadV1(h)
    expect(next.status).toBe(200)
    expect(next.headers.get('x-ik-requestid')).toBeTruthy()
  })

  it('omits the ids from any status fault that asks, JSON body kept', async () => {
    h = await harness()
    h.emu.faults.add({ times: 1, action: { type: 'status', status: 503, omitRequestId: true } })
    const answer = await uploadV1(h)
    expect(answer.status).toBe(503)
    expect(answer.body.message).toBe('We have encountered an internal error. Please try again later.')
    expect(answer.headers.get('x-ik-requestid')).toBeNull()
  })

  it('refuses a fault rule whose omitRequestId is not a boolean', async () => {
    h = await harness()
    const response = await fetch(`${h.emu.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: { type: 'status', status: 502, omitRequestId: 'yes' } }),
    })
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('omitRequestId')
  })
})
