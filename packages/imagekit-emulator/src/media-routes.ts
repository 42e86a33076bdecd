import type { IncomingMessage, ServerResponse } from 'node:http'
import { ApiError } from './api-error.js'
import { authenticateMedia } from './auth.js'
import { addTagsHandler, bulkDeleteHandler, removeTagsHandler } from './bulk-handlers.js'
import {
  deleteHandler,
  detailsHandler,
  listHandler,
  metadataHandler,
  updateHandler,
} from './file-handlers.js'
import { sendJson } from './http-response.js'
import type { MediaHandler } from './media-request.js'
import { messages } from './messages.js'
import type { EmulatorState } from './state.js'
import type { MediaEndpoint } from './types.js'

interface MediaRoute {
  endpoint: MediaEndpoint
  /** Seeds' restricted-key table: which media access the operation needs. */
  need: 'read' | 'write'
  handler: MediaHandler
}

/**
 * Paths and methods as @imagekit/nodejs 7.11 sends them (src/resources/assets.ts,
 * src/resources/files/files.ts, bulk.ts, metadata.ts) and the OAS v1.0.0.yaml lists them.
 * `:id` is one path segment.
 */
const ROUTES: Record<string, Record<string, MediaRoute>> = {
  '/v1/files': { GET: { endpoint: 'listFiles', need: 'read', handler: listHandler } },
  '/v1/files/batch/deleteByFileIds': {
    POST: { endpoint: 'bulkDelete', need: 'write', handler: bulkDeleteHandler },
  },
  '/v1/files/addTags': { POST: { endpoint: 'addTags', need: 'write', handler: addTagsHandler } },
  '/v1/files/removeTags': { POST: { endpoint: 'removeTags', need: 'write', handler: removeTagsHandler } },
  '/v1/files/:id/details': {
    GET: { endpoint: 'getDetails', need: 'read', handler: detailsHandler },
    PATCH: { endpoint: 'updateDetails', need: 'write', handler: updateHandler },
  },
  '/v1/files/:id/metadata': { GET: { endpoint: 'getMetadata', need: 'read', handler: metadataHandler } },
  '/v1/files/:id': { DELETE: { endpoint: 'deleteFile', need: 'write', handler: deleteHandler } },
}

/** A path segment decoded; a malformed escape stays as it is (and then is no fileId: a 400). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

/** ImageKit's other /v1/files/<name> APIs (copy, move, rename, purge…): not emulated, so 404, never a fileId. */
const NOT_IDS = new Set([
  'copy',
  'move',
  'rename',
  'purge',
  'metadata',
  'batch',
  'addTags',
  'removeTags',
  'removeAITags',
])

/** The routes of a path (exact first, then with one `:id` segment) and that segment. */
function findRoutes(pathname: string): { routes: Record<string, MediaRoute>; fileId: string } | undefined {
  const exact = ROUTES[pathname]
  if (exact) return { routes: exact, fileId: '' }
  const match = /^\/v1\/files\/([^/]+)(\/details|\/metadata)?$/.exec(pathname)
  if (!match?.[1] || NOT_IDS.has(match[1])) return undefined
  const routes = ROUTES[`/v1/files/:id${match[2] ?? ''}`]
  return routes ? { routes, fileId: decodeSegment(match[1]) } : undefined
}

/**
 * Seeds (imagekit-api-overview.txt, "Rate limits"): a 429 with X-RateLimit-Limit, -Reset (ms to
 * wait) and -Interval (ms) once an endpoint's window is full. Counted after authentication, since
 * limits are per account (GUESS: whether refused requests count).
 */
function rateLimit(state: EmulatorState, endpoint: MediaEndpoint): void {
  const hit = state.rateLimiter.take(endpoint, state.now())
  if (!hit) return
  throw new ApiError(429, messages.rateLimited, {
    'X-RateLimit-Limit': String(hit.limit),
    'X-RateLimit-Reset': String(hit.resetMs),
    'X-RateLimit-Interval': String(hit.intervalMs),
  })
}

/** /v1/files…: route, authenticate (Basic auth, media access), count, handle; errors reach the router. */
export async function handleMedia(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  url: URL,
): Promise<void> {
  const found = findRoutes(url.pathname.replace(/(.)\/$/, '$1'))
  if (!found) throw new ApiError(404, messages.notFound)
  const route = found.routes[req.method ?? 'GET']
  if (!route) {
    const allow = [...Object.keys(found.routes), 'OPTIONS'].join(', ')
    throw new ApiError(405, messages.methodNotAllowed, { Allow: allow })
  }
  authenticateMedia(req.headers.authorization, state, route.need)
  rateLimit(state, route.endpoint)
  const answer = await route.handler({ req, state, fileId: found.fileId, query: url.searchParams })
  if (answer.body !== undefined) return sendJson(res, answer.status, answer.body)
  res.statusCode = answer.status
  res.end()
}
