import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from './api-error.js'
import { HELP, messages } from './messages.js'

const REQUEST_ID_HEADERS = ['x-ik-requestid', 'x-request-id']

/** Always exposed: what a browser needs to wait out a 429 and to read a download's size. */
export const EXPOSED_HEADERS = [
  'X-RateLimit-Limit',
  'X-RateLimit-Reset',
  'X-RateLimit-Interval',
  'Retry-After',
  'Content-Length',
  'ETag',
].join(', ')

/** With `exposeRequestId`: the request ids first, then the rest. */
export const EXPOSED_HEADERS_WITH_REQUEST_ID = [...REQUEST_ID_HEADERS, EXPOSED_HEADERS].join(', ')

/**
 * Headers on every answer: the request id (ImageKit sends it as both x-ik-requestid and
 * x-request-id; GB-docs php quick start and imagekit-ruby README captures) and CORS. Upload and
 * file routes answer `*` like ImageKit; the /_emulator control routes echo the Origin and allow
 * credentials, so a demo page may call them either way. The ids are exposed to browser code only
 * with `exposeRequestId` (ImageKit's captured answers carry no Access-Control-Expose-Headers).
 */
export function setCommonHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  exposeRequestId = false,
): void {
  for (const name of REQUEST_ID_HEADERS) res.setHeader(name, requestId)
  const origin = req.headers.origin
  if (origin && req.url?.startsWith('/_emulator/')) {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Vary', 'Origin')
  } else {
    res.setHeader('Access-Control-Allow-Origin', '*')
  }
  res.setHeader(
    'Access-Control-Expose-Headers',
    exposeRequestId ? EXPOSED_HEADERS_WITH_REQUEST_ID : EXPOSED_HEADERS,
  )
}

export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PATCH, DELETE, OPTIONS')
  res.setHeader(
    'Access-Control-Allow-Headers',
    req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
  )
  res.setHeader('Access-Control-Max-Age', '600')
  res.statusCode = 204
  res.end()
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return
  const text = JSON.stringify(body)
  res.statusCode = status
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Content-Length', Buffer.byteLength(text))
  res.end(text)
}

/** Answer an error in ImageKit's `{ message, help }` shape; unknown errors become a 500. */
export function sendError(res: ServerResponse, error: unknown): void {
  if (res.headersSent || res.destroyed) return
  if (!(error instanceof ApiError)) {
    console.error('[upkit-emulator] unexpected error', error)
    sendJson(res, 500, { message: messages.internal, help: HELP })
    return
  }
  // A gateway in front of ImageKit's app answers before any request id is made.
  if (error.omitRequestId) for (const name of REQUEST_ID_HEADERS) res.removeHeader(name)
  if (error.rawBody !== undefined) {
    res.statusCode = error.status
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value)
    if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(error.rawBody)
    return
  }
  sendJson(res, error.status, { message: error.message, help: HELP, ...error.fields }, error.headers)
}
