import { badRequest, invalidParam } from './api-error.js'
import { normalizeFolder } from './file-names.js'
import { messages } from './messages.js'

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
const POST_TYPES = new Set(['transformation', 'gif-to-video', 'thumbnail', 'abs'])

export interface Transformation {
  pre?: string
  post?: { type: string; value?: string; protocol?: string }[]
}

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
  extensions: { name: string }[] | null
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

function parseTransformation(fields: Fields): Transformation | null {
  const value = json(fields, 'transformation')
  if (value === undefined) return null
  const invalid = () => badRequest(messages.invalidTransformation)
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid()
  const { pre, post } = value as Transformation
  if (pre === undefined && post === undefined) throw invalid()
  if (pre !== undefined && (typeof pre !== 'string' || pre === '')) throw invalid()
  if (post !== undefined && !Array.isArray(post)) throw invalid()
  for (const step of post ?? []) {
    if (!step || typeof step !== 'object' || !POST_TYPES.has(step.type)) throw invalid()
    if (step.type === 'transformation' && typeof step.value !== 'string') throw invalid()
    if (step.type === 'abs' && !(step.value && ['hls', 'dash'].includes(step.protocol ?? ''))) throw invalid()
  }
  return value as Transformation
}

function parseExtensions(fields: Fields): { name: string }[] | null {
  const value = json(fields, 'extensions')
  if (value === undefined) return null
  const ok = Array.isArray(value) && value.every((ext) => ext && typeof ext.name === 'string')
  if (!ok) throw invalidParam('extensions')
  return value as { name: string }[]
}

function parseCustomMetadata(fields: Fields): Record<string, unknown> | null {
  const value = json(fields, 'customMetadata')
  if (value === undefined) return null
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalidParam('customMetadata')
  return value as Record<string, unknown>
}

function parseWebhookUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null
  try {
    const url = new URL(raw)
    if (url.protocol === 'http:' || url.protocol === 'https:') return raw
  } catch {}
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
    extensions: parseExtensions(fields),
    webhookUrl: parseWebhookUrl(fields.get('webhookUrl')),
    customMetadata: parseCustomMetadata(fields),
    transformation: parseTransformation(fields),
    checks: fields.get('checks') ?? null,
    description: fields.get('description') ?? null,
  }
}
