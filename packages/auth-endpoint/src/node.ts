import type { IncomingMessage, ServerResponse } from 'node:http'
import { createAuthHandler } from './handler.js'
import { serveNode, urlOf } from './node-bridge.js'
import type { AuthHandlerOptions } from './types.js'

/**
 * The signing route as a `node:http` listener (serves every path it receives).
 * @example http.createServer(createNodeListener({ authorize })).listen(3000)
 */
export function createNodeListener(
  options: AuthHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse) => void {
  const handler = createAuthHandler(options)
  return (req, res) => {
    serveNode(handler, req, res, urlOf(req)).catch(() => {
      // The handler never rejects: only a broken request stream or socket gets here.
      if (!res.headersSent) res.statusCode = 500
      res.end()
    })
  }
}

export type { AuthHandlerOptions } from './types.js'
