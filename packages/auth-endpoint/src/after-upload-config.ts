import type { FetchLike, OnUploadComplete, RouteAction } from './after-upload-types.js'
import { AuthEndpointError } from './errors.js'
import type { AnyAuthHandlerOptions, Identity, Logger } from './types.js'

/** How the route reaches ImageKit's media API. */
export interface MediaApiConfig {
  baseUrl: string
  timeoutMs: number
  fetch: FetchLike
}

/** The after-upload actions, checked and completed with their defaults. */
export interface AfterUploadConfig {
  onUploadComplete: OnUploadComplete<Identity | null> | undefined
  /** `undefined`: revert is off; `windowMs` undefined: no time limit. */
  revert: { windowMs: number | undefined } | undefined
  /** What every signature answer announces (`complete` first). */
  actions: readonly RouteAction[]
  api: MediaApiConfig
}

function fail(message: string): never {
  throw new AuthEndpointError('INVALID_OPTIONS', `@upkit/auth-endpoint: ${message}`)
}

function positive(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    fail(`\`${name}\` must be a whole number of milliseconds, at least 1; got ${String(value)}.`)
  }
  return value
}

function resolveRevert(revert: AnyAuthHandlerOptions['revert']): AfterUploadConfig['revert'] {
  if (revert === undefined || revert === false) return undefined
  if (revert === true) return { windowMs: undefined }
  if (typeof revert !== 'object' || revert === null) fail('`revert` must be true, false or { windowMs }.')
  return { windowMs: positive(revert.windowMs, 'revert.windowMs') }
}

function resolveBaseUrl(value: unknown): string {
  if (value === undefined) return 'https://api.imagekit.io'
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search !== '') {
    fail(
      `\`apiBaseUrl\` must be an http(s) URL without a query, like "https://api.imagekit.io"; got ${String(value)}.`,
    )
  }
  return url.href.replace(/\/+$/, '')
}

function resolveFetch(value: unknown): FetchLike {
  if (value === undefined) return (input, init) => globalThis.fetch(input, init) // looked up per call: stubs work
  if (typeof value !== 'function') fail('`fetch` must be a function like globalThis.fetch.')
  return value as FetchLike
}

/** Per-caller folders are what make a revert "this caller's": without them, say so once. */
function warnSharedRevert(options: AnyAuthHandlerOptions, logger: Logger): void {
  if (typeof options.policy?.forcedFolder === 'function') return
  logger.warn(
    '@upkit/auth-endpoint: `revert` is on without a per-caller `policy.forcedFolder` function, so any caller may delete any file in the allowed folders (within the revert window).',
  )
}

/** Checks `onUploadComplete`, `revert`, `apiBaseUrl`, `apiTimeoutMs` and `fetch` once, at startup. */
export function resolveAfterUpload(options: AnyAuthHandlerOptions, logger: Logger): AfterUploadConfig {
  const { onUploadComplete } = options
  if (onUploadComplete !== undefined && typeof onUploadComplete !== 'function') {
    fail('`onUploadComplete` must be a function.')
  }
  const revert = resolveRevert(options.revert)
  if (revert !== undefined) warnSharedRevert(options, logger)
  const actions: RouteAction[] = []
  if (onUploadComplete !== undefined) actions.push('complete')
  if (revert !== undefined) actions.push('revert')
  return {
    onUploadComplete,
    revert,
    actions,
    api: {
      baseUrl: resolveBaseUrl(options.apiBaseUrl),
      timeoutMs: options.apiTimeoutMs === undefined ? 10_000 : positive(options.apiTimeoutMs, 'apiTimeoutMs'),
      fetch: resolveFetch(options.fetch),
    },
  }
}
