import { AuthEndpointError } from './errors.js'
import type { RateLimitHit, RateLimitStore } from './rate-limit.js'

/**
 * A node-redis v4/v5 client (`createClient()`: `evalSha(sha, { keys, arguments })`) or an ioredis client
 * (`new Redis()`: `evalsha(sha, numKeys, ...keysAndArgs)`). Only those methods and `eval` are used.
 */
export type RedisClientLike =
  | { evalSha: (...args: never[]) => unknown; eval: (...args: never[]) => unknown }
  | { evalsha: (...args: never[]) => unknown; eval: (...args: never[]) => unknown }

export interface RedisRateLimitStoreOptions {
  /** Prepended to every rate-limit key. @default 'upkit:rate:' */
  prefix?: string
}

/** One round trip, atomic: count the hit, start the window on the first one, answer count and ms left. */
export const RATE_LIMIT_SCRIPT = `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }`

type Run = (script: { sha: string; source: string }, key: string, arg: string) => Promise<unknown>

interface NodeRedis {
  evalSha(sha: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}

interface IoRedis {
  evalsha(sha: string, numKeys: number, ...args: string[]): Promise<unknown>
  eval(script: string, numKeys: number, ...args: string[]): Promise<unknown>
}

/** The server forgot the script (restart, SCRIPT FLUSH, another node): EVAL sends it and caches it again. */
const isNoScript = (error: unknown): boolean => error instanceof Error && error.message.startsWith('NOSCRIPT')

function runnerFor(client: RedisClientLike): Run {
  const candidate = (typeof client === 'object' && client !== null ? client : {}) as Partial<
    NodeRedis & IoRedis
  >
  if (typeof candidate.evalSha === 'function' && typeof candidate.eval === 'function') {
    const redis = client as NodeRedis
    return (script, key, arg) => {
      const options = { keys: [key], arguments: [arg] }
      return redis.evalSha(script.sha, options).catch((error: unknown) => {
        if (isNoScript(error)) return redis.eval(script.source, options)
        throw error
      })
    }
  }
  if (typeof candidate.evalsha === 'function' && typeof candidate.eval === 'function') {
    const redis = client as IoRedis
    return (script, key, arg) =>
      redis.evalsha(script.sha, 1, key, arg).catch((error: unknown) => {
        if (isNoScript(error)) return redis.eval(script.source, 1, key, arg)
        throw error
      })
  }
  throw new AuthEndpointError(
    'INVALID_OPTIONS',
    '@upkit/auth-endpoint/redis: pass a connected node-redis client (createClient from "redis") or an ioredis client.',
  )
}

async function sha1(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-1', new TextEncoder().encode(text))
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function toHit(reply: unknown): RateLimitHit {
  const [count, ttl] = Array.isArray(reply) ? reply.map(Number) : []
  if (count === undefined || ttl === undefined || !Number.isFinite(count) || !Number.isFinite(ttl)) {
    throw new Error('the Redis rate-limit script answered something other than [count, ttl]')
  }
  return { count, resetMs: ttl }
}

/**
 * A rate-limit store in Redis, so every instance of the route shares one limit. Each hit is one atomic Lua
 * script (INCR, then PEXPIRE on a new window; answers the count and the window's TTL), run by its SHA after the
 * first time. Works with node-redis v4/v5 and ioredis clients; connect the client yourself. A Redis failure
 * answers 500 (`INTERNAL`, logged): the limit fails closed.
 * @example rateLimit: { limit: 100, intervalMs: 60_000, store: new RedisRateLimitStore(client) }
 */
export class RedisRateLimitStore implements RateLimitStore {
  readonly #run: Run
  readonly #prefix: string
  #script: Promise<{ sha: string; source: string }> | undefined

  constructor(client: RedisClientLike, options: RedisRateLimitStoreOptions = {}) {
    this.#run = runnerFor(client)
    this.#prefix = options.prefix ?? 'upkit:rate:'
  }

  async hit(key: string, intervalMs: number): Promise<RateLimitHit> {
    this.#script ??= sha1(RATE_LIMIT_SCRIPT).then((sha) => ({ sha, source: RATE_LIMIT_SCRIPT }))
    return toHit(await this.#run(await this.#script, this.#prefix + key, String(Math.ceil(intervalMs))))
  }
}
