import type { ServerResponse } from 'node:http'
import { AuthEndpointError } from './errors.js'
import { type NodeRequest, readBody, writeAnswer } from './node-bridge.js'
import { errorAnswer } from './respond.js'
import { MAX_WEBHOOK_BYTES, type WebhookInput } from './webhook.js'
import type { WebhookRoute } from './webhook-handler.js'

const PARSED =
  '@upkit/auth-endpoint: the webhook body was already parsed as JSON, and a re-serialised body cannot be verified. ' +
  "Mount it with express.raw({ type: 'application/json' }) (or no body parser) instead of express.json()."

/** The raw body: `express.raw()`'s Buffer, `express.text()`'s string, or read from the socket here. */
async function rawInput(req: NodeRequest): Promise<WebhookInput> {
  const { body } = req
  if (body instanceof Uint8Array || typeof body === 'string') return { headers: req.headers, body }
  if (req._body === true || req.readableEnded) throw new Error(PARSED)
  return { headers: req.headers, body: await readBody(req, MAX_WEBHOOK_BYTES) }
}

/** Serves one webhook request from `node:http` or Express; a parsed body is a server bug (500, logged). */
export async function serveWebhook(
  route: WebhookRoute,
  req: NodeRequest,
  res: ServerResponse,
  logger: Pick<Console, 'error'>,
): Promise<void> {
  let input: WebhookInput
  try {
    input = req.method === 'POST' ? await rawInput(req) : { headers: {}, body: '' }
  } catch (error) {
    if (error instanceof AuthEndpointError) return writeAnswer(res, errorAnswer(error))
    logger.error((error as Error).message)
    return writeAnswer(
      res,
      errorAnswer(
        new AuthEndpointError('INTERNAL', 'The webhook endpoint is misconfigured; see the server log.'),
      ),
    )
  }
  writeAnswer(res, await route(req.method ?? 'GET', () => input))
}
