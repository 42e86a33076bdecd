import { AuthEndpointError } from './errors.js'
import { createAuthHandler } from './handler.js'
import { errorResponse } from './respond.js'
import type {
  AnonymousOptions,
  AnyAuthHandlerOptions,
  AuthHandlerOptions,
  AuthorizedOptions,
  Identity,
  Logger,
} from './types.js'
import { createWebhookHandler, type WebhookHandlerOptions } from './webhook-handler.js'

/** A Next.js App Router route handler. */
export type RouteHandler = (request: Request) => Promise<Response>

/** `GET`, `POST` and `OPTIONS` for `app/api/imagekit/auth/route.ts`. */
export interface RouteHandlers {
  GET: RouteHandler
  POST: RouteHandler
  OPTIONS: RouteHandler
}

/**
 * A handler made now, or, while `next build` collects routes (`NEXT_PHASE=phase-production-build`, when secrets
 * are often absent), on the first request instead; a late misconfiguration answers 500 with the reason logged.
 */
function lateChecked(create: () => RouteHandler, logger: Logger | undefined): RouteHandler {
  const building = typeof process !== 'undefined' && process.env?.NEXT_PHASE === 'phase-production-build'
  let handler: RouteHandler | undefined = building ? undefined : create()
  return async (request) => {
    try {
      handler ??= create()
    } catch (error) {
      ;(logger ?? console).error((error as Error).message)
      return errorResponse(
        new AuthEndpointError('INTERNAL', 'This route is misconfigured; see the server log.'),
      )
    }
    return handler(request)
  }
}

/**
 * The signing route for the Next.js App Router. Options are checked at startup, except while `next build`
 * collects routes, when they are checked on the first request instead. The identity type is inferred from
 * `authorize`, as for `createAuthHandler`. Behind Vercel or another proxy that sets `X-Forwarded-For`, pass
 * `trustProxy: true` for per-address limits.
 * @example export const { GET, POST, OPTIONS } = createRouteHandlers({ authorize })
 */
export function createRouteHandlers<I extends Identity>(options: AuthorizedOptions<I>): RouteHandlers
export function createRouteHandlers(options?: AnonymousOptions): RouteHandlers
export function createRouteHandlers(options: AuthHandlerOptions): RouteHandlers
export function createRouteHandlers(options: AnyAuthHandlerOptions = {}): RouteHandlers {
  const route = lateChecked(() => {
    const handler = createAuthHandler(options as AuthHandlerOptions)
    return (request) => handler(request)
  }, options.logger)
  return { GET: route, POST: route, OPTIONS: route }
}

/**
 * ImageKit's webhooks as a Next.js route (`app/api/imagekit/webhook/route.ts`): `export const { POST } =
 * createWebhookRoute({ onEvent })`. Reads the raw body itself, verifies the signature, then calls `onEvent`.
 */
export function createWebhookRoute(options: WebhookHandlerOptions): { POST: RouteHandler } {
  return { POST: lateChecked(() => createWebhookHandler(options), options.logger) }
}

export type { AuthHandlerOptions } from './types.js'
export type { WebhookHandlerOptions } from './webhook-handler.js'
