import type { ServerResponse } from 'node:http'
import { createRoute } from './handler.js'
import { type NodeRequest, serveNode, urlOf } from './node-bridge.js'
import type { AuthHandlerOptions } from './types.js'

/** The parts of an Express 4 or 5 request the adapter reads (so no Express types are needed). */
export type ExpressLikeRequest = NodeRequest & { originalUrl?: string; protocol?: string }

/** An Express request handler (also usable as middleware or with `router.all`). */
export type ExpressAuthHandler = (
  req: ExpressLikeRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/**
 * The signing route for Express 4 and 5, mounted at any path, with or without `express.json()` before it.
 * @example app.use('/api/imagekit/auth', imagekitAuth({ authorize: (req) => userIdFrom(req) }))
 */
export function imagekitAuth(options: AuthHandlerOptions = {}): ExpressAuthHandler {
  const route = createRoute(options)
  return (req, res, next) => {
    serveNode(route, req, res, () => urlOf(req, req.originalUrl ?? req.url, req.protocol)).catch(next)
  }
}

export type { AuthHandlerOptions } from './types.js'
