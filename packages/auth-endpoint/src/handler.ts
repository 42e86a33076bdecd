import { readJsonBody } from './body.js'
import { callerKey, checkRateLimit } from './caller-limit.js'
import { type Config, resolveConfig } from './config.js'
import { describeFiles } from './describe.js'
import { AuthEndpointError, isAuthEndpointError } from './errors.js'
import { identify, isResponse } from './identify.js'
import { issue } from './issue.js'
import { emptyResponse, errorResponse, jsonResponse, relayRefusal } from './respond.js'
import type { AuthHandler, AuthHandlerOptions, Identity, RequestContext } from './types.js'

const ALLOW = 'GET, POST, OPTIONS'

function answerOptions(config: Config, request: Request): Response {
  const isPreflight = request.headers.has('origin') && request.headers.has('access-control-request-method')
  if (!isPreflight) return emptyResponse(204, { Allow: ALLOW, ...config.cors.headers(request) })
  return emptyResponse(204, config.cors.preflight(request))
}

async function sign(config: Config, request: Request, identity: Identity | null): Promise<unknown> {
  const forced = await config.policy.forcedFolder(identity)
  if (request.method === 'GET') {
    const privateKey = await config.keys.privateKey()
    const params: Record<string, string> = forced === undefined ? {} : { folder: forced }
    return issue(config, privateKey, { forced: params, params }, false)
  }
  const body = await readJsonBody(request, config.maxBodyBytes)
  const files = describeFiles(body, config.policy.maxFiles)
  const decisions = files.map((file) => config.policy.check(file, forced))
  const privateKey = await config.keys.privateKey()
  const signed = await Promise.all(decisions.map((decision) => issue(config, privateKey, decision, true)))
  const isBatch = typeof body === 'object' && body !== null && Object.hasOwn(body, 'files')
  return isBatch ? { files: signed } : signed[0]
}

async function route(
  config: Config,
  request: Request,
  context: RequestContext | undefined,
): Promise<Response> {
  const cors = config.cors.headers(request)
  if (request.method === 'OPTIONS') return answerOptions(config, request)
  if (request.method !== 'GET' && request.method !== 'POST') {
    throw new AuthEndpointError(
      'METHOD_NOT_ALLOWED',
      `${request.method} is not supported here; use GET or POST.`,
      {
        headers: { Allow: ALLOW },
      },
    )
  }
  const identity = await identify(config, request)
  if (isResponse(identity)) return relayRefusal(identity, cors)
  await checkRateLimit(config, callerKey(config, request, context, identity))
  return jsonResponse(200, await sign(config, request, identity), cors)
}

function internal(config: Config, error: unknown): AuthEndpointError {
  const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
  config.logger.error(`@upkit/auth-endpoint: internal error while signing: ${config.keys.redact(detail)}`)
  return new AuthEndpointError(
    'INTERNAL',
    'The signing route failed unexpectedly; the details are in the server log.',
  )
}

function toErrorResponse(config: Config, request: Request, error: unknown): Response {
  const known = isAuthEndpointError(error) && error.code !== 'INTERNAL' && error.code !== 'INVALID_OPTIONS'
  const answer = known
    ? new AuthEndpointError(error.code, config.keys.redact(error.message), { headers: { ...error.headers } })
    : internal(config, error)
  return errorResponse(answer, config.cors.headers(request))
}

/** Last line of defence: an answer that would carry a private key is replaced by a plain INTERNAL error. */
async function guard(config: Config, request: Request, response: Response): Promise<Response> {
  const text = await response.clone().text()
  const headers = [...response.headers].map(([name, value]) => `${name}: ${value}`).join('\n')
  if (!config.keys.leaks(text) && !config.keys.leaks(headers)) return response
  return toErrorResponse(config, request, new Error('an answer contained the private key and was replaced'))
}

/**
 * The signing route as one web-standard handler: `(request, context?) => Promise<Response>`. Validates every
 * option now (throws `AuthEndpointError` `INVALID_OPTIONS`), then answers GET, POST and OPTIONS; it never throws.
 */
export function createAuthHandler(options: AuthHandlerOptions = {}): AuthHandler {
  const config = resolveConfig(options)
  return async (request, context) => {
    let response: Response
    try {
      response = await route(config, request, context)
    } catch (error) {
      response = toErrorResponse(config, request, error)
    }
    try {
      return await guard(config, request, response)
    } catch (error) {
      return toErrorResponse(config, request, error)
    }
  }
}
