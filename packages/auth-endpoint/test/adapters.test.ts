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
  expect(Object.keys(got.json).sort()).toEqual([
    'expire',
    'params',
    'publicKey',
    'serverTime',
    'signature',
    'token',
  ])
  expect(seen.at(-1)).toBe(`${base}?v=1`)

  // `?count=n` reaches the route through every adapter: n signatures in one answer
  const many = await receive(await fetch(`${base}?count=3`, { headers: { 'x-user': '42' } }))
  expect(many.status).toBe(200)
  expect(many.json.files.map((file: { params: unknown }) => file.params)).toEqual([
    { folder: '/users/42' },
    { folder: '/users/42' },
    { folder: '/users/42' },
  ])

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

describe('adapters: node:http without needless conversions', () => {
  const anonymous = () =>
    createNodeListener({
      publicKey: PUBLIC_KEY,
      privateKey: PRIVATE_KEY,
      allowAnonymous: true,
      logger: recordingLogger(),
    })

  it('signs GET and POST for anonymous callers (no authorize, so no web Request is needed)', async () => {
    running = await listen(anonymous())
    const got = await receive(await fetch(running.url))
    expect(got.status).toBe(200)
    expect(got.headers.get('content-length')).toBe(String(Buffer.byteLength(got.text)))
    expect(got.headers.get('transfer-encoding')).toBeNull()
    expect(got.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(got.headers.get('x-content-type-options')).toBe('nosniff')
    const posted = await receive(await fetch(running.url, json(JSON.stringify({ fileName: 'a.png' }))))
    expect(posted.json.params).toEqual({})
    expect(typeof posted.json.serverTime).toBe('number')
  })

  it('reads a chunked body (no Content-Length) under the limit', async () => {
    running = await listen(anonymous())
    const parts = ['{"fileName":', '"chunked.png",', '"size":5}'].map((part) =>
      new TextEncoder().encode(part),
    )
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = parts.shift()
        if (part === undefined) controller.close()
        else controller.enqueue(part)
      },
    })
    const init = { ...json(''), body, duplex: 'half' }
    const got = await receive(await fetch(running.url, init as RequestInit))
    expect(got.status).toBe(200)
    expect(got.json.signature).toMatch(/^[0-9a-f]{40}$/)
  })

  it('refuses a declared Content-Length over the limit with 413, and the connection answers again', async () => {
    running = await listen(anonymous())
    const big = JSON.stringify({ fileName: 'a', description: 'x'.repeat(20_000) })
    const refused = await receive(await fetch(running.url, json(big)))
    expect(refused.status).toBe(413)
    expect((await receive(await fetch(running.url))).status).toBe(200)
  })

  it('a caller who hangs up while authorize runs: the route still finishes (it does not wait for the body)', async () => {
    const signal = () => {
      let resolve: () => void = () => {}
      return { promise: new Promise<void>((done) => (resolve = done)), fire: () => resolve() }
    }
    const [started, closed, answered] = [signal(), signal(), signal()]
    const authorize = async (request: Request) => {
      started.fire()
      await closed.promise
      return request.headers.get('x-user')
    }
    const listener = createNodeListener({ ...options(), authorize })
    running = await listen((req, res) => {
      req.once('close', closed.fire)
      const end = res.end.bind(res)
      res.end = ((...args: Parameters<typeof end>) => {
        answered.fire()
        return end(...args)
      }) as typeof res.end
      listener(req, res)
    })
    const controller = new AbortController()
    const init = { ...json('{"fileName":"a.png"}'), signal: controller.signal }
    const request = fetch(running.url, init).catch((error: Error) => error.name)
    await started.promise
    controller.abort()
    expect(await request).toBe('AbortError')
    await answered.promise
  })

  it('answers a relayed empty refusal with our JSON and its true length, not the app-set Content-Length', async () => {
    const authorize = () => new Response('', { status: 403, headers: { 'content-length': '0' } })
    running = await listen(createNodeListener({ ...options(), authorize }))
    const got = await receive(await fetch(running.url))
    expect(got.status).toBe(403)
    expect(got.json).toEqual({ code: 'FORBIDDEN', message: 'You are not allowed to upload.' })
    expect(got.headers.get('content-length')).toBe(String(Buffer.byteLength(got.text)))
  })

  it("relays an authorize refusal's status, body and every Set-Cookie", async () => {
    const authorize = () => {
      const headers = new Headers({ 'content-type': 'text/plain' })
      headers.append('set-cookie', 'a=1')
      headers.append('set-cookie', 'b=2')
      return new Response('Sign in first.', { status: 401, headers })
    }
    running = await listen(createNodeListener({ ...options(), authorize }))
    const got = await receive(await fetch(running.url))
    expect(got.status).toBe(401)
    expect(got.text).toBe('Sign in first.')
    expect(got.headers.getSetCookie()).toEqual(['a=1', 'b=2'])
    expect(got.headers.get('cache-control')).toBe('no-store')
  })

  it('gives authorize the real body: a clone may read it, consuming it is a server bug (500, logged)', async () => {
    const bodies: string[] = []
    const logger = recordingLogger()
    const reads = (consume: boolean) => async (request: Request) => {
      bodies.push(await (consume ? request : request.clone()).text())
      return 'user-1'
    }
    const body = JSON.stringify({ fileName: 'a.png' })
    running = await listen(createNodeListener({ ...options(), authorize: reads(false) }))
    expect((await receive(await fetch(running.url, json(body)))).status).toBe(200)
    await running.close()
    running = await listen(createNodeListener({ ...options(), logger, authorize: reads(true) }))
    const consumed = await receive(await fetch(running.url, json(body)))
    expect(bodies).toEqual([body, body])
    expect(consumed.json.code).toBe('INTERNAL')
    expect(logger.error).toHaveBeenCalledOnce()
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
