import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from './api-error.js'
import { HELP, messages } from './messages.js'

export const EXPOSED_HEADERS = [
  'x-ik-requestid',
  'x-request-id',
  'X-RateLimit-Limit',
  'X-RateLimit-Reset',
  'X-RateLimit-Interval',
  'Retry-After',
  'Content-Length',
  'ETag',
].join(', ')

/**
 * Headers on every answer: the request id (ImageKit sends it as both x-ik-requestid and
 * x-request-id) and CORS. Upload and file routes answer `*` like ImageKit; the /_emulator control
 * routes echo the Origin and allow credentials, so a demo page may call them either way.
 */
export function setCommonHeaders(req: IncomingMessage, res: ServerResponse, requestId: string): void {
  res.setHeader('x-ik-requestid', requestId)
  res.setHeader('x-request-id', requestId)
  const origin = req.headers.origin
  if (origin && req.url?.startsWith('/_emulator/')) {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Access-Control-Allow-Credentials', 'true')
    res.setHeader('Vary', 'Origin')
  } else {
    res.setHeader('Access-Control-Allow-Origin', '*')
  }
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
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
  if (error.rawBody !== undefined) {
    res.statusCode = error.status
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value)
    if (!res.hasHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8')
    res.end(error.rawBody)
    return
  }
  sendJson(res, error.status, { message: error.message, help: HELP, ...error.fields }, error.headers)
}
