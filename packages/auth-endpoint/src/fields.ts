import { AuthEndpointError } from './errors.js'

/** How each ImageKit upload field travels in the multipart form (every value ends up a string). */
export const UPLOAD_FIELDS = {
  fileName: 'string',
  folder: 'string',
  tags: 'list',
  useUniqueFileName: 'boolean',
  isPrivateFile: 'boolean',
  isPublished: 'boolean',
  customCoordinates: 'string',
  responseFields: 'list',
  extensions: 'json-array',
  webhookUrl: 'string',
  overwriteFile: 'boolean',
  overwriteAITags: 'boolean',
  overwriteTags: 'boolean',
  overwriteCustomMetadata: 'boolean',
  customMetadata: 'json-object',
  transformation: 'json-object',
  checks: 'string',
  description: 'string',
} as const

/** An ImageKit upload form field a browser may describe in a POST. */
export type UploadField = keyof typeof UPLOAD_FIELDS

/** Fields allowed when `policy.allowedFields` is not set: nothing that costs money or calls out. */
export const DEFAULT_ALLOWED_FIELDS: readonly UploadField[] = [
  'fileName',
  'folder',
  'tags',
  'useUniqueFileName',
  'isPrivateFile',
  'customCoordinates',
  'responseFields',
  'customMetadata',
  'description',
]

const MAX_VALUE_LENGTH = 4096
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const CONTROL = /[\u0000-\u001f\u007f]/

export function isUploadField(name: string): name is UploadField {
  return Object.hasOwn(UPLOAD_FIELDS, name)
}

export function hasControlChars(text: string): boolean {
  return CONTROL.test(text)
}

function invalid(label: string, field: string, expected: string): AuthEndpointError {
  return new AuthEndpointError('INVALID_FIELD', `${label}: "${field}" must be ${expected}.`)
}

function encodeString(value: unknown, label: string, field: string): string {
  const multiline = field === 'description'
  if (typeof value !== 'string' || (multiline ? value.includes('\u0000') : hasControlChars(value))) {
    throw invalid(label, field, 'a string without control characters')
  }
  return value
}

function encodeList(value: unknown, label: string, field: string): string {
  const items = typeof value === 'string' ? value.split(',') : value
  const ok =
    Array.isArray(items) &&
    items.every(
      (item) =>
        typeof item === 'string' && item.trim() !== '' && !item.includes(',') && !hasControlChars(item),
    )
  if (!ok)
    throw invalid(label, field, 'a list of non-empty strings (an array, or one comma-separated string)')
  return (items as string[]).map((item) => item.trim()).join(',')
}

function encodeBoolean(value: unknown, label: string, field: string): string {
  if (value === true || value === 'true') return 'true'
  if (value === false || value === 'false') return 'false'
  throw invalid(label, field, 'true or false')
}

function encodeJson(value: unknown, label: string, field: string, wantArray: boolean): string {
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch {
      parsed = undefined
    }
  }
  const kindOk = wantArray
    ? Array.isArray(parsed)
    : typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
  if (!kindOk) throw invalid(label, field, wantArray ? 'a JSON array' : 'a JSON object')
  return JSON.stringify(parsed)
}

/** Encodes one field the way ImageKit's multipart expects it: booleans 'true'/'false', lists comma-joined, objects JSON. */
export function encodeField(field: UploadField, value: unknown, label: string): string {
  const kind = UPLOAD_FIELDS[field]
  let encoded: string
  if (kind === 'string') encoded = encodeString(value, label, field)
  else if (kind === 'list') encoded = encodeList(value, label, field)
  else if (kind === 'boolean') encoded = encodeBoolean(value, label, field)
  else encoded = encodeJson(value, label, field, kind === 'json-array')
  if (encoded.length > MAX_VALUE_LENGTH) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      `${label}: "${field}" is longer than ${MAX_VALUE_LENGTH} characters.`,
    )
  }
  return encoded
}
