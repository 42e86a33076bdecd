import type { ServerResponse } from 'node:http'
import { createRoute } from './handler.js'
import { type NodeRequest, serveNode, urlOf } from './node-bridge.js'
import type {
  AnonymousOptions,
  AnyAuthHandlerOptions,
  AuthHandlerOptions,
  AuthorizedOptions,
  Identity,
} from './types.js'
import { type WebhookHandlerOptions, webhookRoute } from './webhook-handler.js'
import { serveWebhook } from './webhook-node.js'

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
 * The identity type is inferred from `authorize`, as for `createAuthHandler`.
 * @example app.use('/api/imagekit/auth', imagekitAuth({ authorize: (req) => userIdFrom(req) }))
 */
export function imagekitAuth<I extends Identity>(options: AuthorizedOptions<I>): ExpressAuthHandler
export function imagekitAuth(options?: AnonymousOptions): ExpressAuthHandler
export function imagekitAuth(options: AuthHandlerOptions): ExpressAuthHandler
export function imagekitAuth(options: AnyAuthHandlerOptions = {}): ExpressAuthHandler {
  const route = createRoute(options)
  return (req, res, next) => {
    serveNode(route, req, res, () => urlOf(req, req.originalUrl ?? req.url, req.protocol)).catch(next)
  }
}

/**
 * ImageKit's webhooks for Express: verifies the signature on the raw body, then calls `onEvent(event)`.
 * Give it the raw body: `app.post('/webhooks/imagekit', express.raw({ type: 'application/json' }), imagekitWebhook({ onEvent }))`
 * (or no body parser at all); after `express.json()` it answers 500 and logs how to fix the mount.
 */
export function imagekitWebhook(options: WebhookHandlerOptions): ExpressAuthHandler {
  const route = webhookRoute(options)
  const logger = options.logger ?? console
  return (req, res, next) => {
    serveWebhook(route, req, res, logger).catch(next)
  }
}

export type { AuthHandlerOptions } from './types.js'
export type { WebhookHandlerOptions } from './webhook-handler.js'
