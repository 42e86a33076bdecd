import { afterAll, describe, expect, it } from 'vitest'
import { call, expectNoKeyInAnything, handlerWith, postJson, URL_BASE } from './support.js'

afterAll(expectNoKeyInAnything)

const APP = 'https://app.example.com'
const handler = handlerWith({ cors: { origins: [APP], credentials: true } })

function preflight(origin: string): Request {
  return new Request(URL_BASE, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type',
    },
  })
}

describe('CORS', () => {
  it('answers an allowed preflight with 204, methods, headers, max-age and credentials', async () => {
    const { status, headers, text } = await call(handler, preflight(APP))
    expect(status).toBe(204)
    expect(text).toBe('')
    expect(headers.get('access-control-allow-origin')).toBe(APP)
    expect(headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS')
    expect(headers.get('access-control-allow-headers')).toBe('content-type, authorization')
    expect(headers.get('access-control-max-age')).toBe('600')
    expect(headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('refuses a preflight from another origin with 403 and no CORS headers', async () => {
    const { status, headers, json } = await call(handler, preflight('https://evil.example'))
    expect(status).toBe(403)
    expect(json).toEqual({
      code: 'ORIGIN_NOT_ALLOWED',
      message: 'The origin "https://evil.example" may not call this route.',
    })
    expect(headers.get('access-control-allow-origin')).toBeNull()
    expect(headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('adds the allow-origin and exposed rate-limit headers for an allowed origin', async () => {
    const { status, headers } = await call(handler, postJson({ fileName: 'a.png' }, { origin: APP }))
    expect(status).toBe(200)
    expect(headers.get('access-control-allow-origin')).toBe(APP)
    expect(headers.get('access-control-expose-headers')).toContain('X-RateLimit-Reset')
  })

  it('sends no CORS headers to another origin (also on errors)', async () => {
    for (const request of [
      postJson({ fileName: 'a.png' }, { origin: 'http://app.example.com' }),
      postJson('{', { origin: 'null' }),
    ]) {
      const { headers } = await call(handler, request)
      expect(headers.get('access-control-allow-origin')).toBeNull()
    }
  })

  it('keeps CORS headers on errors for an allowed origin', async () => {
    const { status, headers } = await call(handler, postJson('{', { origin: APP }))
    expect(status).toBe(400)
    expect(headers.get('access-control-allow-origin')).toBe(APP)
  })

  it('refuses every preflight when no cors option is set', async () => {
    expect((await call(handlerWith(), preflight(APP))).status).toBe(403)
  })

  it('puts Cache-Control: no-store and Vary: Origin on every answer', async () => {
    const requests = [
      new Request(URL_BASE),
      postJson({ fileName: 'a.png' }),
      postJson('nope'),
      preflight(APP),
      preflight('https://evil.example'),
      new Request(URL_BASE, { method: 'PUT' }),
      new Request(URL_BASE, { method: 'OPTIONS' }),
    ]
    for (const request of requests) {
      const { headers } = await call(handler, request)
      expect(headers.get('cache-control')).toBe('no-store')
      expect(headers.get('vary')).toBe('Origin')
    }
  })
})
