import { afterAll, describe, expect, it } from 'vitest'
import { AuthEndpointError, createAuthHandler } from '../src/index.js'
import {
  call,
  expectNoKeyInAnything,
  handlerWith,
  PRIVATE_KEY,
  PUBLIC_KEY,
  recordingLogger,
  URL_BASE,
} from './support.js'

afterAll(expectNoKeyInAnything)

describe('authorize', () => {
  it('without authorize, refuses every request with 401 telling the developer what to pass', async () => {
    const handler = createAuthHandler({
      publicKey: PUBLIC_KEY,
      privateKey: PRIVATE_KEY,
      logger: recordingLogger(),
    })
    const { status, json } = await call(handler)
    expect(status).toBe(401)
    expect(json.code).toBe('UNAUTHORIZED')
    expect(json.message).toContain('authorize')
    expect(json.message).toContain('allowAnonymous: true')
  })

  it('with allowAnonymous: true, serves callers without authorize', async () => {
    const handler = createAuthHandler({
      publicKey: PUBLIC_KEY,
      privateKey: PRIVATE_KEY,
      allowAnonymous: true,
      logger: recordingLogger(),
    })
    expect((await call(handler)).status).toBe(200)
  })

  it('receives the request and lets an identity through (string or { id })', async () => {
    const seen: string[] = []
    const handler = handlerWith({
      authorize: (request) => {
        seen.push(request.headers.get('authorization') ?? '')
        return { id: 42, role: 'editor' }
      },
    })
    const response = await call(handler, new Request(URL_BASE, { headers: { authorization: 'Bearer abc' } }))
    expect(response.status).toBe(200)
    expect(seen).toEqual(['Bearer abc'])
  })

  it('null or false → 401', async () => {
    for (const result of [null, false] as const) {
      const { status, json } = await call(handlerWith({ authorize: () => result }))
      expect(status).toBe(401)
      expect(json).toEqual({ code: 'UNAUTHORIZED', message: 'Sign in to upload files.' })
    }
  })

  it('throwing → 403, without echoing the error', async () => {
    const logger = recordingLogger()
    const handler = handlerWith({
      logger,
      authorize: async () => {
        throw new Error('session store says no')
      },
    })
    const { status, json, text } = await call(handler)
    expect(status).toBe(403)
    expect(json.code).toBe('FORBIDDEN')
    expect(text).not.toContain('session store')
    expect(logger.warn).toHaveBeenCalledOnce()
  })

  it('a returned or thrown Response is relayed with its status and the route headers', async () => {
    const refusal = () =>
      new Response(JSON.stringify({ code: 'FORBIDDEN', message: 'Editors only.' }), { status: 403 })
    for (const authorize of [refusal, () => Promise.reject(refusal())]) {
      const { status, json, headers } = await call(handlerWith({ authorize }))
      expect(status).toBe(403)
      expect(json.message).toBe('Editors only.')
      expect(headers.get('cache-control')).toBe('no-store')
    }
  })

  it('a thrown AuthEndpointError chooses the refusal', async () => {
    const authorize = () => {
      throw new AuthEndpointError('FORBIDDEN', 'Your plan does not include uploads.')
    }
    const { status, json } = await call(handlerWith({ authorize }))
    expect(status).toBe(403)
    expect(json).toEqual({ code: 'FORBIDDEN', message: 'Your plan does not include uploads.' })
  })

  it('an invalid identity is a server bug → 500 INTERNAL, logged', async () => {
    const logger = recordingLogger()
    const { status, json } = await call(handlerWith({ logger, authorize: () => true as unknown as string }))
    expect(status).toBe(500)
    expect(json.code).toBe('INTERNAL')
    expect(logger.error).toHaveBeenCalledOnce()
  })
})
