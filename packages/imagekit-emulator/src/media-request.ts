import type { IncomingMessage } from 'node:http'
import { badRequest, notFound } from './api-error.js'
import type { FileRecord } from './file-store.js'
import { readJsonBody } from './json-body.js'
import { messages } from './messages.js'
import type { EmulatorState } from './state.js'

/** One authenticated, rate-counted media API request, as its handler sees it. */
export interface MediaRequest {
  req: IncomingMessage
  state: EmulatorState
  /** The `{fileId}` path segment ('' on routes without one). */
  fileId: string
  query: URLSearchParams
}

/** A JSON body with a status, or no body (204). */
export interface MediaAnswer {
  status: number
  body?: unknown
}

export type MediaHandler = (request: MediaRequest) => Promise<MediaAnswer>

// Seeds (imagekit-api-overview.txt): every API but upload "accept[s] JSON-encoded request bodies".
const BODY_RULES = {
  maxBytes: 1024 * 1024,
  tooLarge: messages.bodyTooLarge,
  invalid: messages.invalidJsonBody,
}

export function readMediaBody(req: IncomingMessage): Promise<unknown> {
  return readJsonBody(req, BODY_RULES)
}

/** ImageKit's fileIds are Mongo ObjectIds: 24 hex digits. */
export const looksLikeFileId = (fileId: string): boolean => /^[0-9a-f]{24}$/i.test(fileId)

/**
 * The current version of a file by id: a 404 with the endpoint's message when there is none, a 400
 * `invalid fileId` when the id cannot be one (OAS lists both answers on each `{fileId}` path).
 */
export function findFile(
  state: EmulatorState,
  fileId: string,
  missing: string = messages.fileNotFound,
): FileRecord {
  const record = state.files.byId(fileId)
  if (record) return record
  throw looksLikeFileId(fileId) ? notFound(missing) : badRequest(messages.invalidFileId)
}
