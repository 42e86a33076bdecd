import { badRequest, invalidParam } from './api-error.js'
import type { FileRecord } from './file-store.js'
import type { FilePatch } from './journal-entry.js'
import { isPlainObject } from './json-body.js'
import { messages } from './messages.js'
import { MAX_TAGS_LENGTH } from './upload-params.js'

export interface DetailsUpdate {
  patch: FilePatch
  /** `extensions` asked for: acknowledged as `success` in `extensionStatus`, as uploads do. */
  extensions: string[] | null
}

/** Tags as stored: a list of non-empty strings within ImageKit's 500 characters, or null for none. */
export function checkTags(value: unknown): string[] | null {
  if (value === null) return null
  if (!Array.isArray(value) || !value.every((tag) => typeof tag === 'string' && tag.trim() !== '')) {
    throw invalidParam('tags')
  }
  // OAS addTags/removeTags 400: "Combined length of all tags should be less than or equal to 500."
  if (value.join('').length > MAX_TAGS_LENGTH) throw badRequest(messages.tagsTooLong)
  return value.length > 0 ? [...new Set(value as string[])] : null
}

/** OAS: "To unset a key, send `null` value for that key"; other keys are merged into the old ones. */
function mergeCustomMetadata(old: Record<string, unknown>, value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw badRequest(messages.invalidCustomMetadata)
  const merged = { ...old }
  for (const [key, item] of Object.entries(value)) {
    if (item === null) delete merged[key]
    else merged[key] = item
  }
  return merged
}

function checkCoordinates(value: unknown): string | null {
  if (value === null) return null
  if (typeof value !== 'string' || !/^\d+,\d+,\d+,\d+$/.test(value)) throw invalidParam('customCoordinates')
  return value
}

function checkExtensions(value: unknown): string[] {
  const ok = Array.isArray(value) && value.every((ext) => isPlainObject(ext) && typeof ext.name === 'string')
  if (!ok) throw invalidParam('extensions')
  return (value as { name: string }[]).map((ext) => ext.name)
}

/** The "Change publication status" form: `{ publish: { isPublished, includeFileVersions? } }` alone. */
function publication(body: Record<string, unknown>): FilePatch {
  const { publish } = body
  if (!isPlainObject(publish) || typeof publish.isPublished !== 'boolean') throw invalidParam('publish')
  // GUESS: the two forms are a oneOf in the OAS, so mixing them is refused.
  if (Object.keys(body).length > 1) throw invalidParam('publish', 'It cannot be combined with other fields.')
  return { isPublished: publish.isPublished }
}

/**
 * PATCH /v1/files/{fileId}/details (OAS `update-file-details`; FileUpdateParams in the SDK): tags,
 * customCoordinates, customMetadata, description, extensions, or publication status. `removeAITags`
 * and `webhookUrl` are accepted and have nothing to act on (AITags are always null here).
 */
export function parseDetailsUpdate(body: unknown, record: FileRecord, now: string): DetailsUpdate {
  if (!isPlainObject(body)) throw badRequest(messages.invalidJsonBody)
  if ('publish' in body) return { patch: { ...publication(body), updatedAt: now }, extensions: null }
  const patch: FilePatch = { updatedAt: now }
  if ('tags' in body) patch.tags = checkTags(body.tags)
  if ('customCoordinates' in body) patch.customCoordinates = checkCoordinates(body.customCoordinates)
  if ('customMetadata' in body)
    patch.customMetadata = mergeCustomMetadata(record.customMetadata, body.customMetadata)
  if ('description' in body) {
    if (typeof body.description !== 'string') throw invalidParam('description')
    patch.description = body.description
  }
  const { removeAITags, webhookUrl } = body
  const aiTagList = Array.isArray(removeAITags) && removeAITags.every((tag) => typeof tag === 'string')
  if (removeAITags !== undefined && removeAITags !== 'all' && !aiTagList) throw invalidParam('removeAITags')
  if (webhookUrl !== undefined && typeof webhookUrl !== 'string') throw invalidParam('webhookUrl')
  return { patch, extensions: 'extensions' in body ? checkExtensions(body.extensions) : null }
}
