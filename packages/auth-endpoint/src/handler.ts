import { isActionBody, runAction } from './actions.js'
import { readJsonBody } from './body.js'
import { callerKey, checkRateLimit } from './caller-limit.js'
import { type Config, resolveConfig } from './config.js'
import { describeFiles } from './describe.js'
import { AuthEndpointError, isAuthEndpointError } from './errors.js'
import { identify, isResponse } from './identify.js'
import { fromRequest, type Incoming } from './incoming.js'
import { issueAll } from './issue.js'
import {
  type Answer,
  answerLeaks,
  emptyAnswer,
  errorAnswer,
  jsonAnswer,
  relayRefusal,
  toResponse,
} from './respond.js'
import type {
  AnonymousOptions,
  AnyAuthHandlerOptions,
  AuthHandler,
  AuthHandlerOptions,
  AuthorizedOptions,
  Identity,
  RequestContext,
} from './types.js'

const ALLOW = 'GET, POST, OPTIONS'

/** The route on the adapters' side of the web types: an `Incoming` in, a plain `Answer` out; never throws. */
export type Route = (incoming: Incoming, context?: RequestContext) => Promise<Answer>

function answerOptions(config: Config, incoming: Incoming): Answer {
  const isPreflight =
    incoming.header('origin') !== null && incoming.header('access-control-request-method') !== null
  if (!isPreflight) return emptyAnswer(204, { Allow: ALLOW, ...config.cors.headers(incoming) })
  return emptyAnswer(204, config.cors.preflight(incoming))
}

async function signGet(config: Config, identity: Identity | null): Promise<unknown> {
  const forced = await config.policy.forcedFolder(identity)
  const privateKey = await config.keys.privateKey()
  const params: Record<string, string> = forced === undefined ? {} : { folder: forced }
  const [signed] = await issueAll(config, privateKey, [{ forced: params, params }], false, serverTime(config))
  return signed
}

async function signPost(config: Config, body: unknown, identity: Identity | null): Promise<unknown> {
  const files = describeFiles(body, config.policy.maxFiles)
  const forced = await config.policy.forcedFolder(identity)
  const decisions = files.map((file) => config.policy.check(file, forced))
  const privateKey = await config.keys.privateKey()
  const now = serverTime(config)
  const signed = await issueAll(config, privateKey, decisions, true, now)
  const isBatch = typeof body === 'object' && body !== null && Object.hasOwn(body, 'files')
  if (!isBatch) return signed[0]
  const { actions } = config.afterUpload
  return actions.length > 0
    ? { files: signed, serverTime: now, actions: [...actions] }
    : { files: signed, serverTime: now }
}

/** GET signs; POST signs the described files, or runs the action it names (`{ action, fileId }`). */
async function answer(config: Config, incoming: Incoming, identity: Identity | null): Promise<unknown> {
  if (incoming.method === 'GET') return signGet(config, identity)
  const body = await readJsonBody(incoming, config.maxBodyBytes)
  if (isActionBody(body)) return runAction(config, incoming, identity, body)
  return signPost(config, body, identity)
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
  return jsonAnswer(200, await answer(config, incoming, identity), cors)
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
export function createRoute(options: AnyAuthHandlerOptions = {}): Route {
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
 * The identity type is inferred from `authorize` (or given: `createAuthHandler<User>(…)`); every callback gets it.
 */
export function createAuthHandler<I extends Identity>(options: AuthorizedOptions<I>): AuthHandler
export function createAuthHandler(options?: AnonymousOptions): AuthHandler
export function createAuthHandler(options: AuthHandlerOptions): AuthHandler
export function createAuthHandler(options: AnyAuthHandlerOptions = {}): AuthHandler {
  const serve = createRoute(options)
  return async (request, context) => toResponse(await serve(fromRequest(request), context))
}
