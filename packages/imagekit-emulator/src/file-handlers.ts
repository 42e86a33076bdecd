import { notFound } from './api-error.js'
import { fileDetails, fileMetadata } from './file-details.js'
import { listFiles } from './list-files.js'
import { findFile, type MediaHandler, readMediaBody } from './media-request.js'
import { messages } from './messages.js'
import { parseDetailsUpdate } from './update-details.js'

/** GET /v1/files (SDK `client.assets.list(query)`): a JSON array of file objects. */
export const listHandler: MediaHandler = async ({ state, query }) => ({
  status: 200,
  body: listFiles(state.files.list(), query, state.now()),
})

/** GET /v1/files/{fileId}/details (SDK `client.files.get(fileId)`). */
export const detailsHandler: MediaHandler = async ({ state, fileId }) => ({
  status: 200,
  body: fileDetails(state.files.view(findFile(state, fileId))),
})

/** GET /v1/files/{fileId}/metadata (SDK `client.files.metadata.get(fileId)`), with its own 404 message. */
export const metadataHandler: MediaHandler = async ({ state, fileId }) => ({
  status: 200,
  body: await fileMetadata(state.files.view(findFile(state, fileId, messages.metadataNotFound))),
})

/** PATCH /v1/files/{fileId}/details (SDK `client.files.update(fileId, body)`): the updated file object. */
export const updateHandler: MediaHandler = async ({ req, state, fileId }) => {
  const body = await readMediaBody(req)
  const record = findFile(state, fileId)
  const { patch, extensions } = parseDetailsUpdate(body, record, new Date(state.now()).toISOString())
  const updated = await state.files.update(record.filePath, patch)
  if (!updated) throw notFound(messages.fileNotFound)
  const details = fileDetails(updated)
  state.webhooks.send('file.updated', details)
  if (!extensions) return { status: 200, body: details }
  const extensionStatus = Object.fromEntries(extensions.map((name) => [name, 'success']))
  return { status: 200, body: { ...details, extensionStatus } }
}

/** DELETE /v1/files/{fileId} (SDK `client.files.delete(fileId)`): 204, the bytes removed with the record. */
export const deleteHandler: MediaHandler = async ({ state, fileId }) => {
  const record = findFile(state, fileId)
  if (!(await state.files.delete(record.filePath))) throw notFound(messages.fileNotFound)
  state.webhooks.send('file.deleted', { fileId })
  return { status: 204 }
}
