import { readJsonBody } from './body.js'
import { callerKey, checkRateLimit } from './caller-limit.js'
import { type Config, resolveConfig } from './config.js'
import { describeFiles } from './describe.js'
import { AuthEndpointError, isAuthEndpointError } from './errors.js'
import { identify, isResponse } from './identify.js'
import { fromRequest, type Incoming } from './incoming.js'
import { issue } from './issue.js'
import {
  type Answer,
  answerLeaks,
  emptyAnswer,
  errorAnswer,
  jsonAnswer,
  relayRefusal,
  toResponse,
} from './respond.js'
import type { AuthHandler, AuthHandlerOptions, Identity, RequestContext } from './types.js'

const ALLOW = 'GET, POST, OPTIONS'

/** The route on the adapters' side of the web types: an `Incoming` in, a plain `Answer` out; never throws. */
export type Route = (incoming: Incoming, context?: RequestContext) => Promise<Answer>

function answerOptions(config: Config, incoming: Incoming): Answer {
  const isPreflight =
    incoming.header('origin') !== null && incoming.header('access-control-request-method') !== null
  if (!isPreflight) return emptyAnswer(204, { Allow: ALLOW, ...config.cors.headers(incoming) })
  return emptyAnswer(204, config.cors.preflight(incoming))
}

async function sign(config: Config, incoming: Incoming, identity: Identity | null): Promise<unknown> {
  const forced = await config.policy.forcedFolder(identity)
  if (incoming.method === 'GET') {
    const privateKey = await config.keys.privateKey()
    const params: Record<string, string> = forced === undefined ? {} : { folder: forced }
    return issue(config, privateKey, { forced: params, params }, false, serverTime(config))
  }
  const body = await readJsonBody(incoming, config.maxBodyBytes)
  const files = describeFiles(body, config.policy.maxFiles)
  const decisions = files.map((file) => config.policy.check(file, forced))
  const privateKey = await config.keys.privateKey()
  const now = serverTime(config)
  const signed = await Promise.all(
    decisions.map((decision) => issue(config, privateKey, decision, true, now)),
  )
  const isBatch = typeof body === 'object' && body !== null && Object.hasOwn(body, 'files')
  return isBatch ? { files: signed, serverTime: now } : signed[0]
}

/** The route's clock in Unix seconds: one reading per request, so a batch shares it. */
const serverTime = (config: Config): number => Math.floor(config.now() / 1000)

async function route(
  config: Config,
  incoming: Incoming,
  context: RequestContext | undefined,
): Promise<Answer> {
  if (incoming.method === 'OPTIONS') return answerOptions(config, incoming)
  if (incoming.method !== 'GET' && incoming.method !== 'POST') {
    throw new AuthEndpointError(
      'METHOD_NOT_ALLOWED',
      `${incoming.method} is not supported here; use GET or POST.`,
      { headers: { Allow: ALLOW } },
    )
  }
  const cors = config.cors.headers(incoming)
  const identity = await identify(config, incoming)
  if (isResponse(identity)) return relayRefusal(identity, cors)
  await checkRateLimit(config, callerKey(config, incoming, context, identity))
  return jsonAnswer(200, await sign(config, incoming, identity), cors)
}

function internal(config: Config, error: unknown): AuthEndpointError {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
  config.logger.error(`@upkit/auth-endpoint: internal error while signing: ${config.keys.redact(detail)}`)
  return new AuthEndpointError(
    'INTERNAL',
    'The signing route failed unexpectedly; the details are in the server log.',
  )
}

function toErrorAnswer(config: Config, incoming: Incoming, error: unknown): Answer {
  const known = isAuthEndpointError(error) && error.code !== 'INTERNAL' && error.code !== 'INVALID_OPTIONS'
  const answer = known
    ? new AuthEndpointError(error.code, config.keys.redact(error.message), { headers: { ...error.headers } })
    : internal(config, error)
  return errorAnswer(answer, config.cors.headers(incoming))
}

/**
 * The route behind every adapter. Validates every option now (throws `INVALID_OPTIONS`). Each answer is
 * checked as strings before it leaves (last line of defence: one that would carry a private key becomes
 * a plain INTERNAL error), so no `Response` is ever cloned or read back.
 */
export function createRoute(options: AuthHandlerOptions = {}): Route {
  const config = resolveConfig(options)
  return async (incoming, context) => {
    let answer: Answer
    try {
      answer = await route(config, incoming, context)
    } catch (error) {
      answer = toErrorAnswer(config, incoming, error)
    }
    if (!answerLeaks(config.keys, answer)) return answer
    return toErrorAnswer(config, incoming, new Error('an answer contained the private key and was replaced'))
  }
}

/**
 * The signing route as one web-standard handler: `(request, context?) => Promise<Response>`. Validates every
 * option now (throws `AuthEndpointError` `INVALID_OPTIONS`), then answers GET, POST and OPTIONS; it never throws.
 */
export function createAuthHandler(options: AuthHandlerOptions = {}): AuthHandler {
  const serve = createRoute(options)
  return async (request, context) => toResponse(await serve(fromRequest(request), context))
}
