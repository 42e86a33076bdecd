import type { Config } from './config.js'
import { AuthEndpointError, isAuthEndpointError } from './errors.js'
import type { Incoming } from './incoming.js'
import type { Identity } from './types.js'

const NO_AUTHORIZE =
  'This signing route refuses every request because it has no `authorize` option. ' +
  "Pass `authorize` (return the caller's identity) or set `allowAnonymous: true`."

export function isResponse(value: unknown): value is Response {
  if (value instanceof Response) return true
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<Response>
  return (
    typeof candidate.status === 'number' &&
    typeof candidate.text === 'function' &&
    candidate.headers !== undefined
  )
}

function checkIdentity(result: unknown): Identity | null | Response {
  if (isResponse(result)) return result
  if (result === null || result === false || result === undefined) {
    throw new AuthEndpointError('UNAUTHORIZED', 'Sign in to upload files.')
  }
  if (typeof result === 'string' && result !== '') return result
  const id = typeof result === 'object' ? (result as { id?: unknown }).id : undefined
  if (typeof id === 'string' || typeof id === 'number') return result as Identity
  throw new Error('`authorize` must return an identity (a string, or an object with an `id`), null or false')
}

/** Runs `authorize`: the identity, `null` for an allowed anonymous caller, or a refusal `Response` to relay. */
export async function identify(config: Config, incoming: Incoming): Promise<Identity | null | Response> {
  if (config.authorize === undefined) {
    if (config.allowAnonymous) return null
    throw new AuthEndpointError('UNAUTHORIZED', NO_AUTHORIZE)
  }
  let result: unknown
  try {
    result = await config.authorize(incoming.request())
  } catch (error) {
    if (isResponse(error)) return error
    if (isAuthEndpointError(error)) throw error
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
    config.logger.warn(
      `@upkit/auth-endpoint: authorize refused the request by throwing (${config.keys.redact(reason)}).`,
    )
    throw new AuthEndpointError('FORBIDDEN', 'You are not allowed to upload.')
  }
  return checkIdentity(result)
}
