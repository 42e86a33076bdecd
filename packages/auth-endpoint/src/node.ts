import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRoute } from './handler.js'
import { serveNode, urlOf } from './node-bridge.js'
import type {
  AnonymousOptions,
  AnyAuthHandlerOptions,
  AuthHandlerOptions,
  AuthorizedOptions,
  Identity,
} from './types.js'
import { type WebhookHandlerOptions, webhookRoute } from './webhook-handler.js'
import { serveWebhook } from './webhook-node.js'

/** A `node:http` request listener. */
export type NodeListener = (req: IncomingMessage, res: ServerResponse) => void

function guarded(serve: Promise<void>, res: ServerResponse): void {
  serve.catch(() => {
    // The route never rejects: only a failing write to a broken socket gets here.
    if (!res.headersSent) res.statusCode = 500
    res.end()
  })
}

/**
 * The signing route as a `node:http` listener (serves every path it receives). The identity type is inferred
 * from `authorize`, as for `createAuthHandler`.
 * @example http.createServer(createNodeListener({ authorize })).listen(3000)
 */
export function createNodeListener<I extends Identity>(options: AuthorizedOptions<I>): NodeListener
export function createNodeListener(options?: AnonymousOptions): NodeListener
export function createNodeListener(options: AuthHandlerOptions): NodeListener
export function createNodeListener(options: AnyAuthHandlerOptions = {}): NodeListener {
  const route = createRoute(options)
  return (req, res) =>
    guarded(
      serveNode(route, req, res, () => urlOf(req)),
      res,
    )
}

/**
 * ImageKit's webhooks as a `node:http` listener: verifies the signature on the raw body, then calls
 * `onEvent(event)`; 200 `{ received: true }`, 400 / 401 `{ code, message }`, or 500 when `onEvent` throws.
 */
export function createWebhookListener(options: WebhookHandlerOptions): NodeListener {
  const route = webhookRoute(options)
  const logger = options.logger ?? console
  return (req, res) => guarded(serveWebhook(route, req, res, logger), res)
}

export type { AuthHandlerOptions } from './types.js'
export type { WebhookHandlerOptions } from './webhook-handler.js'
