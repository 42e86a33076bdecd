import { AuthEndpointError, isAuthEndpointError } from './errors.js'
import { type Answer, errorAnswer, jsonAnswer, toResponse } from './respond.js'
import type { Logger } from './types.js'
import { type VerifyWebhookOptions, verifyWebhook, type WebhookEvent, type WebhookInput } from './webhook.js'

export interface WebhookHandlerOptions extends VerifyWebhookOptions {
  /** The endpoint's secret from ImageKit's dashboard. @default process.env.IMAGEKIT_WEBHOOK_SECRET */
  secret?: string
  /** Called once per verified event; a throw answers 500, so ImageKit delivers the event again. */
  onEvent: (event: WebhookEvent) => unknown
  /** Where failures of `onEvent` go. @default console */
  logger?: Logger
}

/** A verified-webhook endpoint: raw request in, answer out (what every webhook adapter runs). */
export type WebhookRoute = (
  method: string,
  input: () => Request | WebhookInput | Promise<WebhookInput>,
) => Promise<Answer>

function fail(message: string): never {
  throw new AuthEndpointError('INVALID_OPTIONS', `@upkit/auth-endpoint: ${message}`)
}

function secretOf(options: WebhookHandlerOptions): string {
  const fromEnv = typeof process === 'undefined' ? undefined : process.env?.IMAGEKIT_WEBHOOK_SECRET
  const secret = options.secret ?? fromEnv
  if (typeof secret !== 'string' || secret.trim() === '') {
    fail(
      'no webhook secret. Set IMAGEKIT_WEBHOOK_SECRET or pass `secret` (ImageKit dashboard → Developer options → Webhooks).',
    )
  }
  return secret
}

/** Checks the options once (throws `INVALID_OPTIONS`) and returns the adapter-neutral endpoint. */
export function webhookRoute(options: WebhookHandlerOptions): WebhookRoute {
  const secret = secretOf(options)
  if (typeof options.onEvent !== 'function') fail('`onEvent` must be a function.')
  const logger = options.logger ?? console
  const verify = { toleranceSeconds: options.toleranceSeconds ?? 300, now: options.now ?? Date.now }
  return async (method, input) => {
    if (method !== 'POST') {
      const error = new AuthEndpointError('METHOD_NOT_ALLOWED', 'Webhooks are POSTed.', {
        headers: { Allow: 'POST' },
      })
      return errorAnswer(error)
    }
    try {
      const event = await verifyWebhook(await input(), secret, verify)
      await options.onEvent(event)
      return jsonAnswer(200, { received: true })
    } catch (error) {
      if (isAuthEndpointError(error) && error.code !== 'INTERNAL') return errorAnswer(error)
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error)
      logger.error(`@upkit/auth-endpoint: onEvent failed: ${detail.split(secret).join('[redacted]')}`)
      return errorAnswer(
        new AuthEndpointError('INTERNAL', 'The webhook could not be handled; it will be retried.'),
      )
    }
  }
}

/**
 * A fetch-style webhook endpoint (`(request) => Promise<Response>`, for Bun, Deno, Workers, Hono…): verifies
 * ImageKit's signature on the raw body, then calls `onEvent(event)`. Answers 200 `{ received: true }`, or the
 * verifier's `{ code, message }` (400 / 401), or 500 when `onEvent` throws (so ImageKit retries).
 */
export function createWebhookHandler(
  options: WebhookHandlerOptions,
): (request: Request) => Promise<Response> {
  const route = webhookRoute(options)
  return async (request) => toResponse(await route(request.method, () => request))
}
