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

/**
 * `GET ?count=n`: n signatures in one answer (at most `policy.maxFiles`), shaped like a POST batch, so a
 * client that signs ahead needs one request per batch on a GET route too. Without `count`, ImageKit's
 * documented single answer, which every ImageKit client reads.
 */
function countOf(incoming: Incoming, maxFiles: number): number | undefined {
  const raw = incoming.query('count')
  if (raw === null) return undefined
  const count = Number(raw)
  if (!Number.isInteger(count) || count < 1) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `The count query parameter must be a whole number of signatures from 1 to ${maxFiles}; got ${JSON.stringify(raw.slice(0, 20))}.`,
    )
  }
  return Math.min(count, maxFiles)
}

async function signGet(config: Config, incoming: Incoming, identity: Identity | null): Promise<unknown> {
  const count = countOf(incoming, config.policy.maxFiles)
  const forced = await config.policy.forcedFolder(identity)
  const privateKey = await config.keys.privateKey()
  const params: Record<string, string> = forced === undefined ? {} : { folder: forced }
  const decisions = Array.from({ length: count ?? 1 }, () => ({ forced: params, params }))
  const now = serverTime(config)
  const signed = await issueAll(config, privateKey, decisions, false, now)
  return count === undefined ? signed[0] : batchAnswer(config, signed, now)
}

function batchAnswer(config: Config, files: unknown[], now: number): unknown {
  const { actions } = config.afterUpload
  return actions.length > 0 ? { files, serverTime: now, actions: [...actions] } : { files, serverTime: now }
}

async function signPost(config: Config, body: unknown, identity: Identity | null): Promise<unknown> {
  const files = describeFiles(body, config.policy.maxFiles)
  const forced = await config.policy.forcedFolder(identity)
  const decisions = files.map((file) => config.policy.check(file, forced))
  const privateKey = await config.keys.privateKey()
  const now = serverTime(config)
  const signed = await issueAll(config, privateKey, decisions, true, now)
  const isBatch = typeof body === 'object' && body !== null && Object.hasOwn(body, 'files')
  return isBatch ? batchAnswer(config, signed, now) : signed[0]
}

/** GET signs; POST signs the described files, or runs the action it names (`{ action, fileId }`). */
async function answer(config: Config, incoming: Incoming, identity: Identity | null): Promise<unknown> {
  if (incoming.method === 'GET') return signGet(config, incoming, identity)
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
