import { AuthEndpointError } from './errors.js'
import { createAuthHandler } from './handler.js'
import { errorResponse } from './respond.js'
import type { AuthHandler, AuthHandlerOptions } from './types.js'

/** A Next.js App Router route handler. */
export type RouteHandler = (request: Request) => Promise<Response>

/** `GET`, `POST` and `OPTIONS` for `app/api/imagekit/auth/route.ts`. */
export interface RouteHandlers {
  GET: RouteHandler
  POST: RouteHandler
  OPTIONS: RouteHandler
}

/**
 * The signing route for the Next.js App Router. Options are checked at startup, except while `next build`
 * collects routes (`NEXT_PHASE=phase-production-build`), when they are checked on the first request instead.
 * Behind Vercel or another proxy that sets `X-Forwarded-For`, pass `trustProxy: true` for per-address limits.
 * @example export const { GET, POST, OPTIONS } = createRouteHandlers({ authorize })
 */
export function createRouteHandlers(options: AuthHandlerOptions = {}): RouteHandlers {
  const building = typeof process !== 'undefined' && process.env?.NEXT_PHASE === 'phase-production-build'
  let handler: AuthHandler | undefined = building ? undefined : createAuthHandler(options)
  const route: RouteHandler = async (request) => {
    try {
      handler ??= createAuthHandler(options)
    } catch (error) {
      // Options checked late (see above): answer like any internal failure, with the reason in the log.
      ;(options.logger ?? console).error((error as Error).message)
      return errorResponse(
        new AuthEndpointError('INTERNAL', 'The signing route is misconfigured; see the server log.'),
      )
    }
    return handler(request)
  }
  return { GET: route, POST: route, OPTIONS: route }
}

export type { AuthHandlerOptions } from './types.js'
