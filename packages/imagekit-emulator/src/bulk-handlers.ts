import { badRequest, invalidParam, notFound } from './api-error.js'
import { fileDetails } from './file-details.js'
import type { FileRecord } from './file-store.js'
import { isPlainObject } from './json-body.js'
import { type MediaHandler, type MediaRequest, readMediaBody } from './media-request.js'
import { messages } from './messages.js'
import { checkTags } from './update-details.js'

/** OAS: 100 ids per bulk delete ("fileIds cannot have more than 100 items."), 50 per tag edit. */
const MAX_DELETE = 100
const MAX_EDIT = 50

/** `fileIds` checked in the OAS's order of messages; duplicates count once. */
function fileIds(body: Record<string, unknown>, max: number, tooMany: string): string[] {
  if (!('fileIds' in body)) throw badRequest(messages.fileIdsMissing)
  const ids = body.fileIds
  if (!Array.isArray(ids)) throw badRequest(messages.fileIdsNotArray)
  if (ids.length === 0) throw badRequest(messages.fileIdsEmpty)
  if (ids.length > max) throw badRequest(tooMany)
  if (!ids.every((id) => typeof id === 'string')) throw badRequest(messages.invalidFileId)
  return [...new Set(ids as string[])]
}

/**
 * The stored files for the ids, or a 404 naming the missing ones (OAS: "The requested file(s) does
 * not exist." with `missingFileIds`). GUESS: nothing is changed when any id is missing.
 */
async function targets(request: MediaRequest, max: number, tooMany: string) {
  const body = await readMediaBody(request.req)
  if (!isPlainObject(body)) throw badRequest(messages.invalidJsonBody)
  const ids = fileIds(body, max, tooMany)
  const records = ids.map((id) => request.state.files.byId(id))
  const missingFileIds = ids.filter((_id, index) => records[index] === undefined)
  if (missingFileIds.length > 0) throw notFound(messages.filesNotFound, { missingFileIds })
  return { body, ids, records: records as FileRecord[] }
}

/** POST /v1/files/batch/deleteByFileIds (SDK `client.files.bulk.delete({ fileIds })`). */
export const bulkDeleteHandler: MediaHandler = async (request) => {
  const { ids, records } = await targets(request, MAX_DELETE, messages.tooManyToDelete)
  const { files, webhooks } = request.state
  const deleted = await Promise.all(records.map((record) => files.delete(record.filePath)))
  const successfullyDeletedFileIds = ids.filter((_id, index) => deleted[index])
  for (const fileId of successfullyDeletedFileIds) webhooks.send('file.deleted', { fileId })
  return { status: 200, body: { successfullyDeletedFileIds } }
}

/** The `tags` of a bulk tag edit, checked with the OAS's messages. */
function requestTags(body: Record<string, unknown>): string[] {
  if (!('tags' in body)) throw badRequest(messages.tagsMissing)
  if (!Array.isArray(body.tags)) throw invalidParam('tags') // GUESS: the OAS has no message for this one
  if (body.tags.length === 0) throw badRequest(messages.tagsEmpty)
  return checkTags(body.tags) ?? []
}

/** Shared by addTags and removeTags: new tags per file, all checked before any file changes. */
function tagEditor(edit: (old: string[], tags: string[]) => string[]): MediaHandler {
  return async (request) => {
    const { body, ids, records } = await targets(request, MAX_EDIT, messages.tooManyToEdit)
    const tags = requestTags(body)
    // The 500-character limit holds for the result as well (GUESS: checked per file, before any change).
    const next = records.map((record) => checkTags(edit(record.tags ?? [], tags)))
    const { files, webhooks, now } = request.state
    const updatedAt = new Date(now()).toISOString()
    const updated = await Promise.all(
      records.map((record, index) => files.update(record.filePath, { tags: next[index] ?? null, updatedAt })),
    )
    for (const file of updated) if (file) webhooks.send('file.updated', fileDetails(file))
    return { status: 200, body: { successfullyUpdatedFileIds: ids.filter((_id, index) => updated[index]) } }
  }
}

/** POST /v1/files/addTags (SDK `client.files.bulk.addTags({ fileIds, tags })`). */
export const addTagsHandler = tagEditor((old, tags) => [...old, ...tags.filter((tag) => !old.includes(tag))])

/** POST /v1/files/removeTags (SDK `client.files.bulk.removeTags({ fileIds, tags })`); no tags left → null. */
export const removeTagsHandler = tagEditor((old, tags) => old.filter((tag) => !tags.includes(tag)))
