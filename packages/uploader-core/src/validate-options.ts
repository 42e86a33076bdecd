import type { ErrorFactory } from './localize.js'
import { encodeParams } from './params.js'
import type { UploaderOptions } from './types.js'

/** Says what to pass instead, or null when the value is fine. `undefined` always means "use the default". */
type Check = (value: unknown) => string | null

const is =
  (type: string, what: string): Check =>
  (v) =>
    typeof v === type ? null : what
const fn = is('function', 'a function')
const bool = is('boolean', 'true or false')
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? null : 'a non-empty string')
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
const record = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? null : 'an object')
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

const TOP: Record<string, Check> = {
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

/** Checks every option once, at creation: a wrong one throws INVALID_OPTIONS naming it; an unknown one warns once. */
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
      if (!warned.has(name))
        console.warn(`[upkit] createUploader: unknown option "${name}" is ignored; check its spelling.`)
      warned.add(name)
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
  const shown =
    typeof value === 'number' || typeof value === 'boolean' || value === null ? String(value) : typeof value
  return makeError('INVALID_OPTIONS', {}, { detail: `createUploader: ${what} is ${shown}; pass ${wanted}.` })
}
