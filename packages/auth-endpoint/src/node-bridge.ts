import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthHandler } from './types.js'

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

/** The raw body as a web stream; cancelling it discards the rest instead of destroying the socket. */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let onData: ((chunk: Buffer) => void) | undefined
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
        if ((controller.desiredSize ?? 0) <= 0) req.pause()
      }
      req.on('data', onData)
      req.once('end', () => controller.close())
      req.once('error', (error) => controller.error(error))
    },
    pull() {
      req.resume()
    },
    cancel() {
      if (onData !== undefined) req.off('data', onData)
      req.resume()
    },
  })
}

function alreadyRead(req: NodeRequest): boolean {
  return req._body === true || req.readableEnded
}

function serialize(body: unknown): string | Uint8Array<ArrayBuffer> {
  if (typeof body === 'string') return body
  if (body instanceof Uint8Array) return new Uint8Array(body)
  return body === undefined ? '' : JSON.stringify(body)
}

/** Builds the web `Request` for `req`: method, `url`, headers, and the body (streamed, or re-serialised when parsed). */
export function toWebRequest(req: NodeRequest, url: string): Request {
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  if (!hasBody) return new Request(url, { method, headers: headersOf(req, []) })
  if (alreadyRead(req)) {
    const headers = headersOf(req, ['content-length', 'transfer-encoding'])
    return new Request(url, { method, headers, body: serialize(req.body) })
  }
  return new Request(url, {
    method,
    headers: headersOf(req, []),
    body: streamOf(req),
    duplex: 'half',
  } as RequestInit)
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

/** Writes a web `Response` to `res`. */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer())
  if (res.headersSent) {
    res.end()
    return
  }
  res.statusCode = response.status
  for (const [name, value] of response.headers) if (name !== 'set-cookie') res.setHeader(name, value)
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) res.setHeader('set-cookie', cookies)
  res.end(body)
}

/** Runs `handler` for a node request: builds the `Request`, passes the socket address, writes the answer. */
export async function serveNode(
  handler: AuthHandler,
  req: NodeRequest,
  res: ServerResponse,
  url: string,
): Promise<void> {
  const response = await handler(toWebRequest(req, url), { clientAddress: req.socket.remoteAddress })
  await sendWebResponse(res, response)
}
