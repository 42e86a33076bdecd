import { AuthEndpointError } from './errors.js'
import { encodeField, hasControlChars, isUploadField, UPLOAD_FIELDS, type UploadField } from './fields.js'
import { normalizeFolder } from './folder.js'

/** One file as the browser described it, validated and with its fields already in wire form. */
export interface FileDescription {
  /** How messages name this file: `"cat.png"` or `file 3 ("cat.png")` in a batch. */
  label: string
  fileName: string
  size?: number
  /** The http(s) link ImageKit is to download the file from (the engine's `addUrl`); its size is unknown. */
  url?: string
  /** Lower-case MIME type; absent when the browser did not know it. */
  type?: string
  /** Normalised folder the browser asked for. */
  folder?: string
  tags: string[]
  /** Every other described upload field, encoded as ImageKit's multipart sends it. */
  fields: Partial<Record<UploadField, string>>
}

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/
const MAX_FILE_NAME = 255
const MAX_TAGS_LENGTH = 500
const KNOWN = ['size', 'type', 'url', ...Object.keys(UPLOAD_FIELDS)].join(', ')

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function labelFor(raw: Record<string, unknown>, index: number, batch: boolean): string {
  const name =
    typeof raw.fileName === 'string' && !hasControlChars(raw.fileName) ? raw.fileName.slice(0, 80) : ''
  const quoted = name === '' ? '' : JSON.stringify(name)
  if (!batch) return quoted === '' ? 'The file' : quoted
  return quoted === '' ? `File ${index + 1}` : `File ${index + 1} (${quoted})`
}

function parseFileName(value: unknown, label: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `${label}: "fileName" is required and must be a non-empty string.`,
    )
  }
  if (hasControlChars(value) || value.includes('/') || value.includes('\\') || value.length > MAX_FILE_NAME) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `${label}: "fileName" must be a plain name of at most ${MAX_FILE_NAME} characters, without "/", "\\" or control characters.`,
    )
  }
  return value
}

function parseSize(value: unknown, label: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `${label}: "size" must be a whole, non-negative number of bytes.`,
    )
  }
  return value
}

/** ImageKit downloads `file` given as "an http(s) URL" (upload API, `file` field); no credentials in it. */
function parseUrl(value: unknown, label: string): string {
  let url: URL | undefined
  try {
    url = typeof value === 'string' ? new URL(value) : undefined
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `${label}: "url" must be an absolute http(s) link without a user name or password.`,
    )
  }
  return url.href
}

function parseType(value: unknown, label: string): string | undefined {
  if (typeof value !== 'string' || (value !== '' && !MIME.test(value.toLowerCase()))) {
    throw new AuthEndpointError('INVALID_FIELD', `${label}: "type" must be a MIME type such as "image/png".`)
  }
  return value === '' ? undefined : value.toLowerCase()
}

function describeFile(raw: unknown, index: number, batch: boolean): FileDescription {
  if (!isRecord(raw)) {
    const where = batch ? `File ${index + 1}` : 'The request body'
    throw new AuthEndpointError('INVALID_BODY', `${where} must be a JSON object describing the file.`)
  }
  const label = labelFor(raw, index, batch)
  const file: FileDescription = { label, fileName: parseFileName(raw.fileName, label), tags: [], fields: {} }
  for (const [key, value] of Object.entries(raw)) {
    if (value === null || key === 'fileName') continue
    if (key === 'size') file.size = parseSize(value, label)
    else if (key === 'url') file.url = parseUrl(value, label)
    else if (key === 'type') {
      const type = parseType(value, label)
      if (type !== undefined) file.type = type
    } else if (key === 'folder') file.folder = normalizeFolder(value, label)
    else if (isUploadField(key)) file.fields[key] = encodeField(key, value, label)
    else
      throw new AuthEndpointError(
        'UNKNOWN_FIELD',
        `${label}: unknown field ${JSON.stringify(key)}. Known fields: fileName, ${KNOWN}.`,
      )
  }
  const tags = file.fields.tags
  if (tags !== undefined && (tags.length > MAX_TAGS_LENGTH || tags.includes('%'))) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `${label}: "tags" must total at most ${MAX_TAGS_LENGTH} characters, without "%".`,
    )
  }
  if (tags !== undefined) file.tags = tags.split(',')
  return file
}

/** Validates a POST body: one file description, or `{ files: [...] }` with at most `maxFiles` entries. */
export function describeFiles(body: unknown, maxFiles: number): FileDescription[] {
  if (!isRecord(body)) {
    throw new AuthEndpointError(
      'INVALID_BODY',
      'The request body must be a JSON object: one file, or { "files": [...] }.',
    )
  }
  if (!Object.hasOwn(body, 'files')) return [describeFile(body, 0, false)]
  const extra = Object.keys(body).find((key) => key !== 'files')
  if (extra !== undefined) {
    throw new AuthEndpointError(
      'UNKNOWN_FIELD',
      `Unknown field ${JSON.stringify(extra)} next to "files"; describe each file inside "files".`,
    )
  }
  const { files } = body
  if (!Array.isArray(files) || files.length === 0) {
    throw new AuthEndpointError('INVALID_BODY', '"files" must be a non-empty array of file descriptions.')
  }
  if (files.length > maxFiles) {
    throw new AuthEndpointError(
      'TOO_MANY_FILES',
      `This request describes ${files.length} files; the limit is ${maxFiles} per request.`,
    )
  }
  return files.map((raw, index) => describeFile(raw, index, true))
}
