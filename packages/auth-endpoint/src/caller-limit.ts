import type { Config } from './config.js'
import { AuthEndpointError } from './errors.js'
import type { HeaderSource } from './incoming.js'
import type { Identity, RequestContext } from './types.js'

/** With `hops` trusted proxies in front, the client is the `hops`-th address from the right of X-Forwarded-For. */
function forwardedFor(request: HeaderSource, hops: number): string | undefined {
  if (hops === 0) return undefined
  const chain = (request.header('x-forwarded-for') ?? '').split(',').map((part) => part.trim())
  return chain[chain.length - hops] ?? chain[0]
}

/** The rate-limit key: the identity when there is one, else the client address. */
export function callerKey(
  config: Config,
  request: HeaderSource,
  context: RequestContext | undefined,
  identity: Identity | null,
): string {
  if (identity !== null) return `id:${typeof identity === 'string' ? identity : String(identity.id)}`
  return `ip:${forwardedFor(request, config.trustProxy) || context?.clientAddress || 'unknown'}`
}

/** Counts the request; throws `RATE_LIMITED` with ImageKit's `X-RateLimit-*` headers when over the limit. */
export async function checkRateLimit(config: Config, key: string): Promise<void> {
  if (config.rateLimit === undefined) return
  const { limit, intervalMs, store } = config.rateLimit
  const hit = await store.hit(key, intervalMs)
  if (hit.count <= limit) return
  const resetMs = Math.max(0, Math.ceil(hit.resetMs))
  const seconds = Math.max(1, Math.ceil(resetMs / 1000))
  throw new AuthEndpointError('RATE_LIMITED', `Too many signing requests; try again in ${seconds} s.`, {
    headers: {
      'X-RateLimit-Limit': String(limit),
      'X-RateLimit-Reset': String(resetMs),
      'X-RateLimit-Interval': String(intervalMs),
      'Retry-After': String(seconds),
    },
  })
}
