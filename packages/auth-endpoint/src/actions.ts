import type { ImageKitFile, RouteAction } from './after-upload-types.js'
import type { Config } from './config.js'
import { AuthEndpointError } from './errors.js'
import type { Incoming } from './incoming.js'
import { mediaApi } from './media-api.js'
import type { Identity } from './types.js'

/** ImageKit's fileIds are 24 hex digits; anything safe in one path segment is let through to ask. */
const FILE_ID = /^[A-Za-z0-9_-]{1,100}$/

interface ActionRequest {
  action: RouteAction
  fileId: string
}

/** True for a POST body that asks for an action (`{ action, fileId }`) rather than a signature. */
export function isActionBody(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.hasOwn(body, 'action')
}

function parseAction(config: Config, body: Record<string, unknown>): ActionRequest {
  const { action, fileId } = body
  if (action !== 'complete' && action !== 'revert') {
    throw new AuthEndpointError('INVALID_FIELD', '"action" must be "complete" or "revert".')
  }
  const extra = Object.keys(body).find((key) => key !== 'action' && key !== 'fileId')
  if (extra !== undefined) {
    throw new AuthEndpointError(
      'UNKNOWN_FIELD',
      `Unknown field ${JSON.stringify(extra)}; send { action, fileId }.`,
    )
  }
  if (typeof fileId !== 'string' || !FILE_ID.test(fileId)) {
    throw new AuthEndpointError(
      'INVALID_FIELD',
      '"fileId" must be the fileId ImageKit answered the upload with.',
    )
  }
  if (!config.afterUpload.actions.includes(action)) {
    throw new AuthEndpointError('ACTION_NOT_ALLOWED', `This route does not offer "${action}".`)
  }
  return { action, fileId }
}

/** ImageKit's record, refused unless it lies where this caller may upload (the rules signing applies). */
async function callersFile(config: Config, identity: Identity | null, fileId: string): Promise<ImageKitFile> {
  const forced = await config.policy.forcedFolder(identity)
  const file = await mediaApi(config).file(fileId)
  if (!config.policy.holds(file.filePath, forced)) {
    throw new AuthEndpointError('FOLDER_NOT_ALLOWED', 'That file is not in a folder you may upload to.')
  }
  return file
}

function checkWindow(config: Config, file: ImageKitFile): void {
  const windowMs = config.afterUpload.revert?.windowMs
  if (windowMs === undefined) return
  const age = config.now() - Date.parse(file.createdAt)
  if (Number.isNaN(age))
    throw new AuthEndpointError('IMAGEKIT_ERROR', 'ImageKit answered an unreadable createdAt.')
  if (age > windowMs) {
    throw new AuthEndpointError(
      'REVERT_EXPIRED',
      `That upload is older than ${Math.round(windowMs / 1000)} s and can no longer be reverted.`,
    )
  }
}

/**
 * `{ action: 'complete' | 'revert', fileId }`: fetches the file from ImageKit (never trusting the browser's
 * account of it), checks its folder, then hands it to `onUploadComplete` (answer `{ serverData }`) or deletes
 * it (answer `{ reverted }`).
 */
export async function runAction(
  config: Config,
  incoming: Incoming,
  identity: Identity | null,
  body: Record<string, unknown>,
): Promise<unknown> {
  const { action, fileId } = parseAction(config, body)
  const file = await callersFile(config, identity, fileId)
  if (action === 'revert') {
    checkWindow(config, file)
    await mediaApi(config).remove(fileId)
    return { reverted: fileId }
  }
  const complete = config.afterUpload.onUploadComplete
  const serverData =
    complete === undefined ? null : await complete({ identity, file, request: incoming.request() })
  return { serverData: serverData ?? null }
}
