import { type AfterUploadConfig, resolveAfterUpload } from './after-upload-config.js'
import { type CorsPolicy, createCorsPolicy } from './cors.js'
import { DistinctExpiries } from './distinct-expiries.js'
import { AuthEndpointError } from './errors.js'
import { createKeyRing, type KeyRing } from './keys.js'
import { type CompiledPolicy, compilePolicy } from './policy.js'
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit.js'
import type { AnyAuthHandlerOptions, Authorize, Logger } from './types.js'

/** Options checked and completed with their defaults. */
export interface Config {
  keys: KeyRing
  apiVersion: 1 | 2
  expiresIn: number
  authorize: Authorize | undefined
  allowAnonymous: boolean
  policy: CompiledPolicy
  cors: CorsPolicy
  rateLimit: { limit: number; intervalMs: number; store: RateLimitStore } | undefined
  /** Number of trusted proxies in front (0: ignore X-Forwarded-For). */
  trustProxy: number
  maxBodyBytes: number
  logger: Logger
  now: () => number
  /** `complete` / `revert` and how ImageKit's media API is reached. */
  afterUpload: AfterUploadConfig
  /** V2: keeps same-field JWTs of one second apart. */
  expiries: DistinctExpiries
}

const PREFIX = '@upkit/auth-endpoint:'

function fail(message: string): never {
  throw new AuthEndpointError('INVALID_OPTIONS', `${PREFIX} ${message}`)
}

function wholeNumber(value: unknown, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
    fail(`\`${name}\` must be a whole number from 1 to ${max}; got ${String(value)}.`)
  }
  return value
}

/**
 * A browser page, Web Worker or ServiceWorker. Server runtimes whose global is a `WorkerGlobalScope` too
 * (Cloudflare Workers, Deno workers) have no `importScripts`, which every browser worker scope has.
 */
function inBrowser(): boolean {
  if (typeof window !== 'undefined' && typeof document !== 'undefined') return true
  const scope = (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope
  const self = (globalThis as { self?: { importScripts?: unknown } }).self
  return typeof scope === 'function' && self instanceof scope && typeof self.importScripts === 'function'
}

function guardBrowser(options: AnyAuthHandlerOptions): void {
  if (options.dangerouslyAllowBrowser === true) return
  if (inBrowser()) {
    fail(
      'this is server code: it holds your ImageKit private key, which must never reach a browser. Run it in your server routes.',
    )
  }
}

function resolveRateLimit(options: AnyAuthHandlerOptions, now: () => number): Config['rateLimit'] {
  const rateLimit = options.rateLimit ?? { limit: 600, intervalMs: 60_000 }
  if (rateLimit === false) return undefined
  return {
    limit: wholeNumber(rateLimit.limit, 'rateLimit.limit', 600),
    intervalMs: wholeNumber(rateLimit.intervalMs, 'rateLimit.intervalMs', 60_000),
    store: rateLimit.store ?? new MemoryRateLimitStore({ now }),
  }
}

function warnAtStartup(options: AnyAuthHandlerOptions, logger: Logger): void {
  if (options.authorize !== undefined) return
  if (options.allowAnonymous === true) {
    logger.warn(
      `${PREFIX} allowAnonymous is on, so anyone who can reach this route gets upload signatures. Pass \`authorize\` to decide who may upload.`,
    )
  } else {
    logger.warn(
      `${PREFIX} no \`authorize\` option, so every request is refused with 401. Pass \`authorize\` (or \`allowAnonymous: true\`).`,
    )
  }
}

function resolveTrustProxy(trustProxy: boolean | number | undefined): number {
  if (trustProxy === undefined || trustProxy === false) return 0
  if (trustProxy === true) return 1
  return wholeNumber(trustProxy, 'trustProxy', 1, 10)
}

/** V2 gives same-field tokens of one second distinct expiries: a full batch of identical files needs that many. */
function checkExpiryRoom(config: Config): void {
  if (config.apiVersion !== 2 || config.expiresIn >= config.policy.maxFiles) return
  fail(
    `with apiVersion 2, \`expiresIn\` (${config.expiresIn}) must be at least \`policy.maxFiles\` (${config.policy.maxFiles}): identical files in one batch each need their own expiry second.`,
  )
}

/** Checks every option once, at startup; throws `INVALID_OPTIONS` with a message that says what to fix. */
export function resolveConfig(options: AnyAuthHandlerOptions): Config {
  guardBrowser(options)
  const apiVersion = options.apiVersion ?? 1
  if (apiVersion !== 1 && apiVersion !== 2) fail(`\`apiVersion\` must be 1 or 2; got ${String(apiVersion)}.`)
  if (options.expiresIn !== undefined && options.expiresIn >= 3600) {
    fail(
      `\`expiresIn\` must be below 3600 seconds (ImageKit refuses an expiry 1 hour or more ahead); got ${options.expiresIn}.`,
    )
  }
  if (options.authorize !== undefined && typeof options.authorize !== 'function')
    fail('`authorize` must be a function.')
  const now = options.now ?? Date.now
  const logger = options.logger ?? console
  const config: Config = {
    keys: createKeyRing(options),
    apiVersion,
    expiresIn: wholeNumber(options.expiresIn, 'expiresIn', 1800, 3599),
    authorize: options.authorize,
    allowAnonymous: options.allowAnonymous === true,
    policy: compilePolicy(options.policy),
    cors: createCorsPolicy(options.cors),
    rateLimit: resolveRateLimit(options, now),
    trustProxy: resolveTrustProxy(options.trustProxy),
    maxBodyBytes: wholeNumber(options.maxBodyBytes, 'maxBodyBytes', 16_384),
    logger,
    now,
    afterUpload: resolveAfterUpload(options, logger),
    expiries: new DistinctExpiries(),
  }
  checkExpiryRoom(config)
  warnAtStartup(options, logger)
  return config
}
