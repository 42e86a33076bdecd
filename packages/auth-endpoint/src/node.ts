import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRoute } from './handler.js'
import { serveNode, urlOf } from './node-bridge.js'
import type { AuthHandlerOptions } from './types.js'

/**
 * The signing route as a `node:http` listener (serves every path it receives).
 * @example http.createServer(createNodeListener({ authorize })).listen(3000)
 */
export function createNodeListener(
  options: AuthHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const route = createRoute(options)
  return (req, res) => {
    serveNode(route, req, res, () => urlOf(req)).catch(() => {
      // The route never rejects: only a failing write to a broken socket gets here.
      if (!res.headersSent) res.statusCode = 500
      res.end()
    })
  }
}

export type { AuthHandlerOptions } from './types.js'
