import type { ErrorFactory } from './localize.js'
import { encodeParams } from './params.js'
import { isSecureEndpoint } from './secure-endpoint.js'
import type { UploaderOptions } from './types.js'

/** Says what to pass instead, or null when the value is fine. `undefined` always means "use the default". */
export type Check = (value: unknown) => string | null

export const is =
  (type: string, what: string): Check =>
  (v) =>
    typeof v === type ? null : what
export const fn = is('function', 'a function')
export const bool = is('boolean', 'true or false')
export const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? null : 'a non-empty string')
const num =
  (min: number, integer = false): Check =>
  (v) =>
    typeof v === 'number' && Number.isFinite(v) && v >= min && (!integer || Number.isInteger(v))
      ? null
      : `${integer ? 'an integer' : 'a finite number'} ≥ ${min}`
const nullable =
  (check: Check): Check =>
  (v) =>
    v === null ? null : check(v)
export const record = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? null : 'an object'
const methods =
  (...names: string[]): Check =>
  (v) =>
    record(v) === null && names.every((name) => typeof (v as Record<string, unknown>)[name] === 'function')
      ? null
      : `an object with ${names.join(' and ')} functions`

const endpoint: Check = (v) => {
  if (typeof v === 'function') return null
  if (typeof v === 'string') return text(v) && 'a URL'
  const e = v as Record<string, unknown>
  if (record(v) !== null || typeof e.url !== 'string' || e.url === '')
    return 'a URL, { url, method? }, or a function'
  if (e.method !== undefined && e.method !== 'GET' && e.method !== 'POST')
    return "{ method: 'GET' } or 'POST'"
  return e.headers === undefined || typeof e.headers === 'function' || record(e.headers) === null
    ? null
    : '{ headers } as an object or a function'
}

const types: Check = (v) =>
  Array.isArray(v) && v.every((t) => typeof t === 'string')
    ? null
    : "an array of strings, e.g. ['image/*', '.pdf']"

const encodable: Check = (v) => {
  if (record(v) !== null) return 'an object of upload fields'
  try {
    encodeParams(v as Record<string, unknown>)
    return null
  } catch {
    return 'fields that can be encoded as JSON (no circular references)'
  }
}

/** The engine's options, each with its check (the widgets take these names too). */
export const TOP: Record<string, Check> = {
  publicKey: text,
  auth: endpoint,
  apiVersion: (v) => (v === 1 || v === 2 ? null : '1 or 2'),
  uploadEndpoint: text,
  params: encodable,
  getParams: fn,
  restrictions: record,
  concurrency: num(1, true),
  retry: (v) => (v === false ? null : record(v)),
  stallTimeoutMs: num(1),
  autoUpload: bool,
  prefetch: fn,
  preprocess: fn,
  persist: fn,
  signAhead: bool,
  complete: bool,
  revertOnRemove: bool,
  signTimeoutMs: num(1),
  locale: record,
  messages: record,
  throttleMs: num(0),
  xhr: fn,
  fetch: fn,
  now: fn,
  timers: methods('setTimeout', 'clearTimeout'),
  online: methods('isOnline', 'subscribe'),
  random: fn,
}

const NESTED: Record<string, Record<string, Check>> = {
  restrictions: {
    maxFileSize: nullable(num(0)),
    minFileSize: nullable(num(0)),
    maxTotalFileSize: nullable(num(0)),
    maxNumberOfFiles: nullable(num(1, true)),
    allowedFileTypes: nullable(types),
    validate: fn,
  },
  retry: {
    limit: num(0, true),
    baseDelayMs: num(0),
    maxDelayMs: num(0),
    maxRetryAfterMs: num(0),
    jitter: bool,
  },
}

const warned = new Set<string>()

/** Edit distance (insert, delete or replace one letter) between two lower-case names. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 0; i < a.length; i++) {
    let diagonal = row[0] as number
    row[0] = i + 1
    for (let j = 0; j < b.length; j++) {
      const above = row[j + 1] as number
      row[j + 1] = Math.min(above + 1, (row[j] as number) + 1, diagonal + (a[i] === b[j] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length] as number
}

const last = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase()

/** The known name closest to `name` (by its last segment, at most two edits off), if any. */
export function closeMatch(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let least = Math.min(2, last(name).length >> 2)
  for (const candidate of known) {
    const d = distance(last(name), last(candidate))
    if (d <= least) [best, least] = [candidate, d - 1]
  }
  return best
}

/** Warns once per name that an option is not known, naming the close match when there is one. */
export function warnUnknown(who: string, name: string, known: readonly string[]): void {
  if (warned.has(name)) return
  warned.add(name)
  const near = closeMatch(name, known)
  console.warn(
    `[upkit] ${who}: unknown option "${name}" is ignored; ${near ? `did you mean "${near}"?` : 'check its spelling.'}`,
  )
}

/** Every engine option name, nested ones as `restrictions.maxFileSize` (what a misspelling is matched against). */
export const ENGINE_NAMES = Object.keys(TOP).concat(
  ...Object.entries(NESTED).map(([key, nested]) => Object.keys(nested).map((name) => `${key}.${name}`)),
)

/** Refuses an http address other than loopback (the signing route and the upload URL carry the signature). */
function checkSecure(options: UploaderOptions, makeError: ErrorFactory): void {
  const { auth, uploadEndpoint = '' } = options
  const authUrl = typeof auth === 'string' ? auth : typeof auth === 'object' ? auth.url : ''
  for (const [name, url] of [
    ['uploadEndpoint', uploadEndpoint],
    ['auth', authUrl],
  ]) {
    if (isSecureEndpoint(url as string)) continue
    const error = makeError('INSECURE_ENDPOINT', {}, { url: url as string })
    error.message += ` (createUploader: option "${name}"; pass an https URL, http only for localhost.)`
    throw error
  }
}

/**
 * Checks every option once, at creation: a wrong one throws INVALID_OPTIONS naming it (an http address
 * INSECURE_ENDPOINT); an unknown one warns once.
 */
export function validateOptions(options: UploaderOptions, makeError: ErrorFactory): void {
  if (record(options) !== null)
    throw invalid(makeError, 'createUploader(options)', options, 'an options object')
  if (options.auth === undefined) {
    throw makeError(
      'INVALID_OPTIONS',
      {},
      {
        detail:
          'createUploader: the "auth" option is missing; pass your signing route, e.g. auth: "/api/imagekit/auth".',
      },
    )
  }
  walk(options as unknown as Record<string, unknown>, TOP, '', makeError)
  checkSecure(options, makeError)
}

function walk(
  values: Record<string, unknown>,
  schema: Record<string, Check>,
  prefix: string,
  makeError: ErrorFactory,
) {
  for (const [key, value] of Object.entries(values)) {
    const check = schema[key]
    const name = `${prefix}${key}`
    if (!check) {
      warnUnknown(
        'createUploader',
        name,
        ENGINE_NAMES.filter((known) => known.startsWith(prefix)),
      )
      continue
    }
    if (value === undefined) continue
    const wanted = check(value)
    if (wanted) throw invalid(makeError, `option "${name}"`, value, wanted)
    const nested = NESTED[key]
    if (nested && !prefix && record(value) === null)
      walk(value as Record<string, unknown>, nested, `${key}.`, makeError)
  }
}

function invalid(makeError: ErrorFactory, what: string, value: unknown, wanted: string) {
  return makeError(
    'INVALID_OPTIONS',
    {},
    { detail: `createUploader: ${what} is ${shown(value)}; pass ${wanted}.` },
  )
}

/** A value as an error message shows it: numbers, booleans and null as written, anything else by its type. */
export function shown(value: unknown): string {
  return typeof value === 'number' || typeof value === 'boolean' || value === null
    ? String(value)
    : typeof value
}
