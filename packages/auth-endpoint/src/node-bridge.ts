import type { IncomingMessage, ServerResponse } from 'node:http'
import { readLimited, tooLarge } from './body.js'
import { AuthEndpointError } from './errors.js'
import type { Route } from './handler.js'
import { type Incoming, queryOf } from './incoming.js'
import type { Answer } from './respond.js'

/** A node request, possibly already read by a body parser (`express.json()` sets `body` and `_body`). */
export type NodeRequest = IncomingMessage & { body?: unknown; _body?: boolean }

function headersOf(req: IncomingMessage, drop: readonly string[]): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || drop.includes(name)) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  return headers
}

/** A pull-only web stream over the raw body: it touches `req` only once someone reads it. */
function streamOf(req: IncomingMessage, onFirstPull: () => void): ReadableStream<Uint8Array> {
  let onData: ((chunk: Buffer) => void) | undefined
  const attach = (controller: ReadableStreamDefaultController<Uint8Array>) => {
    onFirstPull()
    onData = (chunk) => {
      controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
      if ((controller.desiredSize ?? 0) <= 0) req.pause()
    }
    req.on('data', onData)
    req.once('end', () => controller.close())
    req.once('error', (error) => controller.error(error))
  }
  const source: UnderlyingDefaultSource<Uint8Array> = {
    pull(controller) {
      if (onData === undefined) attach(controller)
      req.resume()
    },
    cancel() {
      if (onData !== undefined) req.off('data', onData)
      req.resume()
    },
  }
  // highWaterMark 0: nothing is pulled before a read, so an unread stream leaves `req` to the adapter.
  return new ReadableStream(source, { highWaterMark: 0 })
}

function alreadyRead(req: NodeRequest): boolean {
  return req._body === true || req.readableEnded
}

function serialize(body: unknown): string | Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return new Uint8Array(body)
  return body === undefined ? '' : JSON.stringify(body)
}

/** The web `Request` for `req` (what `authorize` receives): body streamed on demand, or re-serialised when parsed. */
export function toWebRequest(req: NodeRequest, url: string, onFirstPull: () => void = () => {}): Request {
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  if (!hasBody) return new Request(url, { method, headers: headersOf(req, []) })
  if (alreadyRead(req)) {
    const headers = headersOf(req, ['content-length', 'transfer-encoding'])
    return new Request(url, { method, headers, body: serialize(req.body) })
  }
  const body = streamOf(req, onFirstPull)
  return new Request(url, { method, headers: headersOf(req, []), body, duplex: 'half' } as RequestInit)
}

/** The body of a parsed request (`express.json()`), serialised again and held to the same limit. */
function parsedBody(req: NodeRequest, limit: number): string | Uint8Array {
  const body = serialize(req.body)
  const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength
  if (size > limit) throw tooLarge(limit)
  return body
}

/** Reads the raw body into one buffer of at most `limit` bytes; past that, the rest is discarded unread. */
export function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const done = (settle: () => void) => {
      req.off('data', onData).off('end', onEnd).off('error', onBroken).off('close', onBroken)
      settle()
    }
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength
      if (total <= limit) chunks.push(chunk)
      else done(() => reject(tooLarge(limit)))
    }
    const onEnd = () =>
      done(() => resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)))
    const onBroken = () =>
      done(() =>
        reject(
          new AuthEndpointError(
            'INVALID_BODY',
            'The request body could not be read; the connection may have closed early.',
          ),
        ),
      )
    // Aborted while authorize or the rate limit was awaited: no event would come any more.
    if (req.destroyed) return onBroken()
    req.on('data', onData).on('end', onEnd).on('error', onBroken).on('close', onBroken)
    // Flowing even if something paused it; past the limit it keeps flowing with no listener, so the rest
    // is discarded instead of the socket destroyed, and the 413 still reaches the caller.
    req.resume()
  })
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  if (value === undefined) return null
  return Array.isArray(value) ? value.join(', ') : value
}

/** The route's view of a node request: headers read in place, a web `Request` only if `authorize` asks. */
export function fromNode(req: NodeRequest, url: () => string): Incoming {
  let request: Request | undefined
  let streamed = false
  return {
    method: req.method ?? 'GET',
    query: (name) => queryOf(req.url ?? '/', name),
    header: (name) => headerOf(req, name),
    request: () => {
      request ??= toWebRequest(req, url(), () => {
        streamed = true
      })
      return request
    },
    body: async (limit) => {
      // `authorize` started reading through its Request (e.g. a clone): continue on that stream.
      if (streamed && request?.body) return readLimited(request.body, limit)
      return alreadyRead(req) ? parsedBody(req, limit) : readBody(req, limit)
    },
  }
}

/** The request's own URL from its socket and Host header (`path` defaults to `req.url`). */
export function urlOf(req: IncomingMessage, path = req.url ?? '/', protocol?: string): string {
  const scheme = protocol ?? ((req.socket as { encrypted?: boolean }).encrypted === true ? 'https' : 'http')
  const host = req.headers.host ?? 'localhost'
  try {
    return new URL(path, `${scheme}://${host}`).href
  } catch {
    return new URL(path.startsWith('/') ? path : '/', `${scheme}://localhost`).href
  }
}

/** Writes an answer to `res`: head and body in one write, with a Content-Length (not chunked). */
export function writeAnswer(res: ServerResponse, answer: Answer): void {
  if (res.headersSent) {
    res.end()
    return
  }
  const { body, cookies } = answer
  const headers: Record<string, string | string[]> = { ...answer.headers }
  if (body !== null) headers['Content-Length'] = String(Buffer.byteLength(body))
  if (cookies !== undefined && cookies.length > 0) headers['set-cookie'] = [...cookies]
  res.writeHead(answer.status, headers)
  res.end(body ?? undefined)
}

/** Runs the route for a node request, passing the socket address, and writes the answer (`url` is asked lazily). */
export async function serveNode(
  route: Route,
  req: NodeRequest,
  res: ServerResponse,
  url: () => string,
): Promise<void> {
  writeAnswer(res, await route(fromNode(req, url), { clientAddress: req.socket.remoteAddress }))
}
