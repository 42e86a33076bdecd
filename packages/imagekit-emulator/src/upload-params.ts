import { invalidParam } from './api-error.js'
import { type ExtensionRequest, parseExtensions } from './extensions.js'
import { normalizeFolder } from './file-names.js'
import { toHttpUrl } from './remote-file.js'
import { parseTransformation, type Transformation } from './transformation.js'

export const MAX_TAGS_LENGTH = 500
export const RESPONSE_FIELDS = new Set([
  'tags',
  'customCoordinates',
  'isPrivateFile',
  'embeddedMetadata',
  'isPublished',
  'customMetadata',
  'metadata',
  'selectedFieldsSchema',
])

/** The v1/v2 upload fields, decoded from their wire strings and checked. */
export interface UploadParams {
  folder: string
  useUniqueFileName: boolean
  tags: string[] | null
  isPrivateFile: boolean
  isPublished: boolean
  overwriteFile: boolean
  overwriteAITags: boolean
  overwriteTags: boolean
  overwriteCustomMetadata: boolean
  customCoordinates: string | null
  responseFields: Set<string>
  extensions: ExtensionRequest[] | null
  webhookUrl: string | null
  customMetadata: Record<string, unknown> | null
  transformation: Transformation | null
  checks: string | null
  description: string | null
}

type Fields = Map<string, string>

function bool(fields: Fields, name: string, fallback: boolean): boolean {
  const value = fields.get(name)
  if (value === undefined) return fallback
  if (value === 'true') return true
  if (value === 'false') return false
  throw invalidParam(name)
}

function json(fields: Fields, name: string): unknown {
  const value = fields.get(name)
  if (value === undefined) return undefined
  try {
    return JSON.parse(value)
  } catch {
    throw invalidParam(name)
  }
}

function parseTags(raw: string | undefined): string[] | null {
  if (raw === undefined) return null
  if (raw.length > MAX_TAGS_LENGTH) {
    throw invalidParam('tags', `The total length of tags cannot exceed ${MAX_TAGS_LENGTH} characters.`)
  }
  if (raw.includes('%')) throw invalidParam('tags', 'Tags cannot contain %.')
  const tags = raw
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')
  return tags.length > 0 ? tags : null
}

function parseResponseFields(raw: string | undefined): Set<string> {
  const names = (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  for (const name of names) if (!RESPONSE_FIELDS.has(name)) throw invalidParam('responseFields')
  return new Set(names)
}

function parseCustomMetadata(fields: Fields): Record<string, unknown> | null {
  const value = json(fields, 'customMetadata')
  if (value === undefined) return null
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidParam('customMetadata')
  return value as Record<string, unknown>
}

function parseWebhookUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null
  if (toHttpUrl(raw)) return raw
  throw invalidParam('webhookUrl')
}

function parseCoordinates(raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null
  if (!/^\d+,\d+,\d+,\d+$/.test(raw)) throw invalidParam('customCoordinates')
  return raw
}

/** Decode and check every documented upload field (booleans "true"/"false", JSON strings, lists). */
export function parseUploadParams(fields: Fields): UploadParams {
  return {
    folder: normalizeFolder(fields.get('folder')),
    useUniqueFileName: bool(fields, 'useUniqueFileName', true),
    tags: parseTags(fields.get('tags')),
    isPrivateFile: bool(fields, 'isPrivateFile', false),
    isPublished: bool(fields, 'isPublished', true),
    overwriteFile: bool(fields, 'overwriteFile', true),
    overwriteAITags: bool(fields, 'overwriteAITags', true),
    overwriteTags: bool(fields, 'overwriteTags', true),
    overwriteCustomMetadata: bool(fields, 'overwriteCustomMetadata', true),
    customCoordinates: parseCoordinates(fields.get('customCoordinates')),
    responseFields: parseResponseFields(fields.get('responseFields')),
    extensions: parseExtensions(fields.get('extensions')),
    webhookUrl: parseWebhookUrl(fields.get('webhookUrl')),
    customMetadata: parseCustomMetadata(fields),
    transformation: parseTransformation(fields.get('transformation')),
    checks: fields.get('checks') ?? null,
    description: fields.get('description') ?? null,
  }
}
