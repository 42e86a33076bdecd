import express5 from 'express'
import express4 from 'express4'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { imagekitAuth } from '../src/express.js'
import type { AuthHandlerOptions } from '../src/index.js'
import { createRouteHandlers } from '../src/next.js'
import { createNodeListener } from '../src/node.js'
import { listen, type Running } from './servers.js'
import { expectNoKeyInAnything, PRIVATE_KEY, PUBLIC_KEY, receive, recordingLogger } from './support.js'

afterAll(expectNoKeyInAnything)

const PATH = '/api/imagekit/auth'
let running: Running | undefined
afterEach(async () => {
  await running?.close()
  running = undefined
  vi.unstubAllEnvs()
})

function options(seen: string[] = []): AuthHandlerOptions {
  return {
    publicKey: PUBLIC_KEY,
    privateKey: PRIVATE_KEY,
    logger: recordingLogger(),
    authorize: (request) => {
      seen.push(request.url)
      return request.headers.get('x-user')
    },
    policy: { forcedFolder: (identity) => `/users/${String(identity)}` },
  }
}

const json = (body: string, contentType = 'application/json') => ({
  method: 'POST',
  headers: { 'content-type': contentType, 'x-user': '42' },
  body,
})

/** The behaviour every adapter must show, on a real server. */
async function expectSigningRoute(base: string, seen: string[]) {
  const got = await receive(await fetch(`${base}?v=1`, { headers: { 'x-user': '42' } }))
  expect(got.status).toBe(200)
  expect(Object.keys(got.json).sort()).toEqual(['expire', 'params', 'publicKey', 'signature', 'token'])
  expect(seen.at(-1)).toBe(`${base}?v=1`)

  const posted = await receive(await fetch(base, json(JSON.stringify({ fileName: 'cat.png', size: 5 }))))
  expect(posted.status).toBe(200)
  expect(posted.json.params).toEqual({ folder: '/users/42' })
  expect(posted.headers.get('cache-control')).toBe('no-store')

  const batch = await receive(
    await fetch(base, json(JSON.stringify({ files: [{ fileName: 'a' }, { fileName: 'b' }] }))),
  )
  expect(batch.json.files).toHaveLength(2)

  const huge = await receive(
    await fetch(base, json(JSON.stringify({ fileName: 'a', description: 'x'.repeat(20_000) }))),
  )
  expect(huge.status).toBe(413)
  const wrongType = await receive(await fetch(base, json('fileName=a', 'text/plain')))
  expect(wrongType.status).toBe(415)
  const anonymous = await receive(await fetch(base))
  expect(anonymous.status).toBe(401)
}

describe.each([
  ['Express 4', express4],
  ['Express 5', express5],
])('adapters: %s', (_name, express) => {
  it.each([false, true])(
    'works mounted under a sub-path (express.json() before it: %s)',
    async (withJson) => {
      const seen: string[] = []
      const app = express()
      if (withJson) app.use(express.json())
      app.use(PATH, imagekitAuth(options(seen)))
      running = await listen(app)
      await expectSigningRoute(`${running.url}${PATH}`, seen)
      if (!withJson) {
        const malformed = await receive(await fetch(`${running.url}${PATH}`, json('{"fileName":')))
        expect(malformed.json).toEqual({
          code: 'INVALID_JSON',
          message: 'The request body is not valid JSON.',
        })
      }
    },
  )

  it('works on a router with router.all', async () => {
    const seen: string[] = []
    const app = express()
    const router = express.Router()
    router.all('/sign', imagekitAuth(options(seen)))
    app.use('/v1', router)
    running = await listen(app)
    await expectSigningRoute(`${running.url}/v1/sign`, seen)
  })
})

describe('adapters: node:http', () => {
  it('serves the signing route', async () => {
    const seen: string[] = []
    running = await listen(createNodeListener(options(seen)))
    await expectSigningRoute(`${running.url}${PATH}`, seen)
  })

  it('passes the socket address as the client address (X-Forwarded-For is not trusted)', async () => {
    const listener = createNodeListener({
      publicKey: PUBLIC_KEY,
      privateKey: PRIVATE_KEY,
      allowAnonymous: true,
      logger: recordingLogger(),
      rateLimit: { limit: 1, intervalMs: 60_000 },
    })
    running = await listen(listener)
    const first = await receive(await fetch(running.url, { headers: { 'x-forwarded-for': '203.0.113.1' } }))
    const second = await receive(await fetch(running.url, { headers: { 'x-forwarded-for': '203.0.113.2' } }))
    expect([first.status, second.status]).toEqual([200, 429])
    expect(second.headers.get('x-ratelimit-limit')).toBe('1')
  })

  it('answers 413 to a 4 MB streamed body without buffering it, and the connection survives to answer', async () => {
    running = await listen(createNodeListener(options()))
    let chunks = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setImmediate(resolve))
        if (chunks++ === 64) controller.close()
        else controller.enqueue(new Uint8Array(64 * 1024).fill(32))
      },
    })
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-user': '1' },
      body,
      duplex: 'half',
    }
    const got = await receive(await fetch(running.url, init as RequestInit))
    expect(got.status).toBe(413)
    expect(got.json.code).toBe('PAYLOAD_TOO_LARGE')
  })
})

describe('adapters: Next App Router', () => {
  const context = { params: Promise.resolve({}) }
  type NextCall = (request: Request, ctx: typeof context) => Promise<Response>

  it('GET, POST and OPTIONS take a Request (and a context) and return a Response', async () => {
    const seen: string[] = []
    const handlers = createRouteHandlers({ ...options(seen), cors: { origins: ['https://app.example'] } })
    const { GET, POST, OPTIONS } = handlers as unknown as Record<'GET' | 'POST' | 'OPTIONS', NextCall>
    const url = `https://app.example${PATH}`
    const got = await receive(await GET(new Request(url, { headers: { 'x-user': '42' } }), context))
    expect(got.status).toBe(200)
    expect(seen).toEqual([url])
    const posted = await receive(
      await POST(new Request(url, json(JSON.stringify({ fileName: 'a.png' }))), context),
    )
    expect(posted.json.params).toEqual({ folder: '/users/42' })
    const preflight = new Request(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    })
    const allowed = await receive(await OPTIONS(preflight, context))
    expect(allowed.status).toBe(204)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example')
  })

  it('checks options at startup, but not while `next build` collects routes', async () => {
    vi.stubEnv('IMAGEKIT_PUBLIC_KEY', '')
    vi.stubEnv('IMAGEKIT_PRIVATE_KEY', '')
    expect(() => createRouteHandlers({ allowAnonymous: true })).toThrow(/IMAGEKIT_PUBLIC_KEY/)
    vi.stubEnv('NEXT_PHASE', 'phase-production-build')
    const logger = recordingLogger()
    const { GET } = createRouteHandlers({ allowAnonymous: true, logger })
    const got = await receive(await GET(new Request(`http://localhost${PATH}`)))
    expect(got.status).toBe(500)
    expect(got.json.code).toBe('INTERNAL')
    expect(logger.lines.join()).toContain('IMAGEKIT_PUBLIC_KEY')
  })
})
