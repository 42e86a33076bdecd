import { AuthEndpointError } from './errors.js'
import type { HeaderSource } from './incoming.js'
import type { CorsOptions } from './types.js'

const EXPOSED = 'X-RateLimit-Limit, X-RateLimit-Reset, X-RateLimit-Interval, Retry-After'

export interface CorsPolicy {
  /** CORS headers for a response to this request: empty when the origin is absent or not allowed. */
  headers(request: HeaderSource): Record<string, string>
  /** The answer to a preflight: 204 for an allowed origin, else `ORIGIN_NOT_ALLOWED`. */
  preflight(request: HeaderSource): Record<string, string>
}

function optionError(message: string): AuthEndpointError {
  return new AuthEndpointError('INVALID_OPTIONS', `@upkit/auth-endpoint: cors.${message}`)
}

function validate(cors: CorsOptions): void {
  if (!Array.isArray(cors.origins) || cors.origins.some((origin) => typeof origin !== 'string')) {
    throw optionError('origins must be an array of exact origins, like ["https://app.example.com"].')
  }
  const bad = cors.origins.find((origin) => origin === '*' || origin.endsWith('/'))
  if (bad !== undefined)
    throw optionError(`origins: "${bad}" is not an exact origin (no "*", no trailing "/").`)
}

/** An exact-origin allow-list. Without options no CORS headers are sent and every preflight is refused. */
export function createCorsPolicy(cors: CorsOptions | undefined): CorsPolicy {
  if (cors !== undefined) validate(cors)
  const origins = new Set(cors?.origins ?? [])
  const allowHeaders = (cors?.allowedHeaders ?? ['content-type', 'authorization']).join(', ')
  const maxAge = String(cors?.maxAge ?? 600)

  const headers = (request: HeaderSource): Record<string, string> => {
    const origin = request.header('origin')
    if (origin === null || !origins.has(origin)) return {}
    const result: Record<string, string> = {
      'Access-Control-Allow-Origin': origin,
      'Access-Control-Expose-Headers': EXPOSED,
    }
    if (cors?.credentials === true) result['Access-Control-Allow-Credentials'] = 'true'
    return result
  }

  return {
    headers,
    preflight(request) {
      const allowed = headers(request)
      if (allowed['Access-Control-Allow-Origin'] === undefined) {
        const origin = request.header('origin') ?? '(none)'
        throw new AuthEndpointError(
          'ORIGIN_NOT_ALLOWED',
          `The origin ${JSON.stringify(origin.slice(0, 200))} may not call this route.`,
        )
      }
      return {
        ...allowed,
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': allowHeaders,
        'Access-Control-Max-Age': maxAge,
      }
    },
  }
}
