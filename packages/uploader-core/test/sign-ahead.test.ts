import { describe, expect, it } from 'vitest'
import { createUploader, type UploaderOptions } from '../src/index.js'
import { FakeUploadServer, makeFile, successBody, waitFor } from './helpers/fake-xhr.js'

/** A fake POST signing route that answers `{ files: [...] }` batches and single descriptions, with its own clock. */
function postRoute(options: { serverTime?: () => number; lifetime?: number } = {}) {
  const bodies: unknown[] = []
  let n = 0
  const serverTime = options.serverTime ?? (() => Math.floor(Date.now() / 1000))
  const signature = () => {
    n++
    return { token: `tok-${n}`, expire: serverTime() + (options.lifetime ?? 1800), signature: `sig-${n}` }
  }
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as { files?: unknown[] }
    bodies.push(body)
    const answer = body.files
      ? { files: body.files.map(signature), serverTime: serverTime() }
      : { ...signature(), serverTime: serverTime() }
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } })
  }) as unknown as typeof globalThis.fetch
  return { fetch, bodies, batches: () => bodies.filter((b) => (b as { files?: unknown }).files) }
}

function setup(route: ReturnType<typeof postRoute>, overrides: Partial<UploaderOptions> = {}) {
  const server = new FakeUploadServer()
  const uploader = createUploader({
    publicKey: 'public_test',
    auth: { url: 'https://app.example/api/imagekit/auth', method: 'POST' },
    xhr: server.xhr,
    fetch: route.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  })
  return { server, uploader }
}

const files = (count: number) => Array.from({ length: count }, (_, i) => makeFile(`f${i}.png`, 10))
const tokensSent = (server: FakeUploadServer) => server.requests.map((r) => r.field('token'))

describe('signing ahead (POST route)', () => {
  it('signs the files that start together, and the next ones, in one request', async () => {
    const route = postRoute()
    const { server, uploader } = setup(route, { concurrency: 2 })
    await uploader.addFiles(files(4))
    await waitFor(uploader, (s) => s.counts.success === 4)
    const first = route.bodies[0] as { files: { fileName: string }[] }
    expect(first.files.map((f) => f.fileName)).toEqual(['f0.png', 'f1.png', 'f2.png', 'f3.png'])
    expect(route.bodies).toHaveLength(1)
    expect(new Set(tokensSent(server)).size).toBe(4) // each signature used once
  })

  it('asks for the first batch as the files are added, while Uppy is still handing them over', async () => {
    const route = postRoute()
    const { server, uploader } = setup(route, { concurrency: 2 })
    await uploader.addFiles(files(3))
    expect(route.batches()).toHaveLength(1) // already on its way when addFiles resolves
    expect(server.requests).toHaveLength(0)
    await waitFor(uploader, (s) => s.counts.success === 3)
    expect(route.bodies).toHaveLength(1)
    expect(new Set(tokensSent(server)).size).toBe(3)
  })

  it('does not sign added files early when queued files go before them, nor with preprocess', async () => {
    const route = postRoute()
    const { server, uploader } = setup(route, { concurrency: 1 })
    server.onRequest = () => {} // the first upload stays open: the rest wait in the queue
    await uploader.addFiles(files(2))
    await waitFor(uploader, (s) => s.files[0]?.status === 'uploading')
    const asked = route.bodies.length
    await uploader.addFiles([makeFile('late.png', 10)])
    expect(route.bodies).toHaveLength(asked)
    uploader.destroy()

    const again = postRoute()
    const prepared = setup(again, { preprocess: async (file) => file })
    await prepared.uploader.addFiles(files(1))
    expect(again.bodies).toHaveLength(0) // signed once the file is prepared, for what it became
    await waitFor(prepared.uploader, (s) => s.counts.success === 1)
  })

  it('never sends a held signature again: a retry signs afresh, alone', async () => {
    const route = postRoute()
    const { server, uploader } = setup(route, { concurrency: 1 })
    server.onRequest = (xhr) =>
      server.requests.length === 1
        ? xhr.respond(503, { message: 'busy' })
        : xhr.respond(200, successBody('x'))
    await uploader.addFiles(files(2))
    await waitFor(uploader, (s) => s.counts.success === 2)
    const tokens = tokensSent(server)
    expect(tokens).toHaveLength(3)
    expect(new Set(tokens).size).toBe(3)
    expect(route.bodies.filter((b) => !(b as { files?: unknown }).files)).toHaveLength(1) // the retry's own
  })

  it('drops a held signature that nears its expiry instead of sending it', async () => {
    let clock = Date.now()
    const route = postRoute({ lifetime: 60 })
    const { server, uploader } = setup(route, { concurrency: 1, now: () => clock })
    let release: (() => void) | undefined
    server.onRequest = (xhr) => {
      if (server.requests.length === 1) release = () => xhr.respond(200, successBody('a'))
      else xhr.respond(200, successBody('b'))
    }
    await uploader.addFiles(files(2))
    await waitFor(uploader, (s) => s.files[0]?.status === 'uploading')
    clock += 45_000 // past half of the 60 s lifetime: the held one for f1 may not be sent any more
    release?.()
    await waitFor(uploader, (s) => s.counts.success === 2)
    expect(route.bodies).toHaveLength(2) // the batch, then a fresh one for f1
    const [firstBatch] = route.batches() as { files: unknown[] }[]
    expect(firstBatch?.files).toHaveLength(2)
    expect(tokensSent(server)).toEqual(['tok-1', 'tok-3'])
  })

  it('reads expiries on the route’s clock, so a client clock an hour off still uses them', async () => {
    const route = postRoute({ serverTime: () => Math.floor(Date.now() / 1000) - 3600 })
    const { server, uploader } = setup(route, { concurrency: 1 })
    await uploader.addFiles(files(3))
    await waitFor(uploader, (s) => s.counts.success === 3)
    expect(route.bodies).toHaveLength(1)
    expect(tokensSent(server)).toEqual(['tok-1', 'tok-2', 'tok-3'])
  })

  it('falls back to one request per file when the route refuses the batch', async () => {
    const bodies: unknown[] = []
    const fetch = (async (_url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { files?: unknown }
      bodies.push(body)
      if (body.files) return new Response(JSON.stringify({ message: 'no batches here' }), { status: 400 })
      return Response.json({ token: `t${bodies.length}`, expire: 4_000_000_000, signature: 's' })
    }) as unknown as typeof globalThis.fetch
    const { uploader } = setup({ fetch, bodies, batches: () => [] }, { concurrency: 2 })
    await uploader.addFiles(files(2))
    await waitFor(uploader, (s) => s.counts.success === 2)
    expect(bodies.filter((b) => !(b as { files?: unknown }).files)).toHaveLength(2)
  })

  it('signAhead: false signs each attempt when it starts', async () => {
    const route = postRoute()
    const { uploader } = setup(route, { concurrency: 2, signAhead: false })
    await uploader.addFiles(files(3))
    await waitFor(uploader, (s) => s.counts.success === 3)
    expect(route.batches()).toHaveLength(0)
    expect(route.bodies).toHaveLength(3)
  })

  it('cancelling the only file of a batch aborts its request', async () => {
    let signal: AbortSignal | undefined
    const fetch = ((_url: string, init: RequestInit) => {
      signal = init.signal ?? undefined
      return new Promise((_resolve, reject) =>
        signal?.addEventListener('abort', () => reject(signal?.reason)),
      )
    }) as unknown as typeof globalThis.fetch
    const { server, uploader } = setup({ fetch, bodies: [], batches: () => [] })
    const { added } = await uploader.addFiles(files(1))
    await waitFor(uploader, (s) => s.files[0]?.status === 'signing')
    await Promise.resolve()
    uploader.cancel(added[0]!.id)
    expect(signal?.aborted).toBe(true)
    expect(server.requests).toHaveLength(0)
  })
})

describe('signing ahead (GET route)', () => {
  /** A GET route that answers one signature per request, whatever the query (like ImageKit's SDK helpers). */
  function singleRoute() {
    const urls: string[] = []
    const fetch = (async (url: string) => {
      urls.push(url)
      return Response.json({
        token: `g${urls.length}`,
        expire: Math.floor(Date.now() / 1000) + 1800,
        signature: 's',
      })
    }) as unknown as typeof globalThis.fetch
    return { urls, fetch }
  }

  function holdFirstUpload() {
    const server = new FakeUploadServer()
    let release: (() => void) | undefined
    server.onRequest = (xhr) => {
      if (server.requests.length === 1) release = () => xhr.respond(200, successBody('a'))
      else xhr.respond(200, successBody('x'))
    }
    return { server, release: () => release?.() }
  }

  it('asks an Upkit route for the next files’ signatures in one GET ?count=n', async () => {
    const urls: string[] = []
    const fetch = (async (url: string) => {
      urls.push(url)
      const count = Number(new URL(url, 'http://app.test').searchParams.get('count') ?? 1)
      const expire = Math.floor(Date.now() / 1000) + 1800
      const files = Array.from({ length: count }, (_, i) => ({
        token: `b${i}`,
        expire,
        signature: 's',
        publicKey: 'pk',
      }))
      return Response.json({ files, serverTime: Math.floor(Date.now() / 1000) })
    }) as unknown as typeof globalThis.fetch
    const { server, release } = holdFirstUpload()
    const uploader = createUploader({ auth: '/auth?app=1', xhr: server.xhr, fetch, concurrency: 1 })
    await uploader.addFiles(files(3))
    await waitFor(uploader, (s) => s.files[0]?.status === 'uploading')
    expect(urls).toEqual(['/auth?app=1&count=3']) // all three signed while f0 is still uploading
    release()
    await waitFor(uploader, (s) => s.counts.success === 3)
    expect(server.requests.map((r) => r.field('token'))).toEqual(['b0', 'b1', 'b2'])
    expect(urls).toHaveLength(1)
  })

  it('falls back to one GET per file when the route answers a single signature to ?count', async () => {
    const { urls, fetch } = singleRoute()
    const { server, release } = holdFirstUpload()
    const uploader = createUploader({
      publicKey: 'pk',
      auth: '/auth',
      xhr: server.xhr,
      fetch,
      concurrency: 1,
    })
    await uploader.addFiles(files(3))
    await waitFor(uploader, (s) => s.files[0]?.status === 'uploading')
    await new Promise((resolve) => setTimeout(resolve, 10))
    // the count request's single answer signs f0; f1 and f2 are signed ahead one GET each
    expect(urls).toEqual(['/auth?count=3', '/auth', '/auth'])
    release()
    await waitFor(uploader, (s) => s.counts.success === 3)
    expect(new Set(server.requests.map((r) => r.field('token'))).size).toBe(3)
    expect(urls).toHaveLength(3)
  })

  it('stops asking for ?count after the route refuses it with 400', async () => {
    const urls: string[] = []
    const fetch = (async (url: string) => {
      urls.push(url)
      if (url.includes('count=')) return Response.json({ message: 'unknown query' }, { status: 400 })
      return Response.json({
        token: `t${urls.length}`,
        expire: Math.floor(Date.now() / 1000) + 1800,
        signature: 's',
      })
    }) as unknown as typeof globalThis.fetch
    const server = new FakeUploadServer()
    server.onRequest = (xhr) => xhr.respond(200, successBody('x'))
    const uploader = createUploader({
      publicKey: 'pk',
      auth: '/auth',
      xhr: server.xhr,
      fetch,
      concurrency: 1,
    })
    await uploader.addFiles(files(12))
    await waitFor(uploader, (s) => s.counts.success === 12)
    expect(urls.filter((url) => url.includes('count='))).toHaveLength(1)
    expect(new Set(server.requests.map((r) => r.field('token'))).size).toBe(12)
  })
})
