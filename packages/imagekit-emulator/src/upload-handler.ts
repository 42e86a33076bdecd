import { writeFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { decodeJwt } from 'jose'
import { ApiError, badRequest, invalidParam, missingParam } from './api-error.js'
import { authenticateV1 } from './auth.js'
import { authenticateV2 } from './auth-v2.js'
import { runChecks } from './checks.js'
import { checkContext } from './checks-context.js'
import type { UploadPath } from './fault-store.js'
import { sanitizeFileName, withUniqueSuffix } from './file-names.js'
import type { FileRecord } from './file-store.js'
import { sendError, sendJson } from './http-response.js'
import { objectId } from './ids.js'
import { type MediaInfo, mediaInfo } from './media-info.js'
import { messages } from './messages.js'
import { type ParsedForm, type ReceivedFile, readMultipart } from './multipart.js'
import { downloadFile, isRemoteUrl } from './remote-file.js'
import { SNIFF_BYTES, sizeClassOf } from './size-class.js'
import { sizeLimit } from './size-limits.js'
import type { EmulatorState } from './state.js'
import { checkTransformation, queuesPreTransformation } from './transformation.js'
import { uploadAnswers } from './upload-answers.js'
import { parseUploadParams, type UploadParams } from './upload-params.js'
import { uploadResponse } from './upload-response.js'
import { UploadSession } from './upload-session.js'
import { sendUploadEvents } from './webhook-events.js'

/** Fields read as they arrive: the file name (for faults) and the token (burned at once). */
function onField(session: UploadSession, name: string, value: string): void {
  if (name === 'fileName') session.nameSeen(value)
  if (name !== 'token' || value === '') return
  const { state } = session
  state.stats.tokensUsed.push(value)
  let until: number | undefined
  if (session.path === 'v2') {
    try {
      const exp = decodeJwt(value).exp
      if (typeof exp === 'number') until = exp * 1000
    } catch {}
  }
  if (state.tokens.burn(value, until)) session.tokenReused = true
}

/** The `file` parameter sent as a string: an http(s) URL to download, a data URI or plain base64. */
async function fileFromString(
  form: ParsedForm,
  session: UploadSession,
  signal: AbortSignal,
): Promise<ReceivedFile> {
  const value = form.fileString ?? ''
  const fileName = form.fields.get('fileName')
  if (isRemoteUrl(value)) {
    // Asked for before any download: a URL upload without a name is refused at once.
    if (!fileName) throw missingParam('fileName')
    return downloadFile(value, session, fileName, signal)
  }
  const dataUri = /^data:([^;,]*)(;base64)?,/i.exec(value)
  const payload = (dataUri ? value.slice(dataUri[0].length) : value).replace(/\s+/g, '')
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(payload)) throw invalidParam('file')
  const bytes = Buffer.from(payload, 'base64')
  const mime = dataUri?.[1] || 'application/octet-stream'
  if (
    bytes.length > sizeLimit(session.state, sizeClassOf(bytes.subarray(0, SNIFF_BYTES), mime, fileName ?? ''))
  ) {
    throw badRequest(messages.fileTooLarge)
  }
  const tempPath = session.state.files.tempPath()
  session.trackTemp(tempPath)
  await writeFile(tempPath, bytes, { flag: 'wx' })
  return { tempPath, size: bytes.length, partFileName: '', mime }
}

function newRecord(
  state: EmulatorState,
  params: UploadParams,
  name: string,
  file: ReceivedFile,
  media: MediaInfo,
): Omit<FileRecord, 'blob'> {
  const finalName = params.useUniqueFileName ? withUniqueSuffix(name) : name
  const filePath = `${params.folder}${finalName}`
  const existing = params.useUniqueFileName ? undefined : state.files.record(filePath)
  if (existing && !params.overwriteFile) throw badRequest(messages.conflict)
  const nowMs = state.now()
  const now = new Date(nowMs).toISOString()
  const versionId = objectId(nowMs)
  const version = (existing?.version ?? 0) + 1
  const keep = <T>(value: T | null, overwrite: boolean, old: T | undefined, empty: T): T =>
    value ?? (existing && !overwrite && old !== undefined ? old : empty)
  return {
    fileId: existing?.fileId ?? versionId,
    name: finalName,
    filePath,
    size: file.size,
    mime: media.mime,
    fileType: media.fileType,
    width: media.width,
    height: media.height,
    tags: keep(params.tags, params.overwriteTags, existing?.tags, null),
    customCoordinates: params.customCoordinates,
    customMetadata: keep(params.customMetadata, params.overwriteCustomMetadata, existing?.customMetadata, {}),
    isPrivateFile: params.isPrivateFile,
    isPublished: params.isPublished,
    description: params.description,
    versionInfo: { id: versionId, name: `Version ${version}` },
    version,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  }
}

async function receivedFile(
  form: ParsedForm,
  session: UploadSession,
  signal: AbortSignal,
): Promise<ReceivedFile> {
  const file = form.file ?? (form.fileString ? await fileFromString(form, session, signal) : undefined)
  if (!file) throw badRequest(messages.missingFile)
  if (file.size === 0) throw badRequest(messages.emptyFile)
  return file
}

function checkLimits(
  session: UploadSession,
  params: UploadParams,
  file: ReceivedFile,
  media: MediaInfo,
): void {
  const { state } = session
  checkTransformation(params.transformation, media)
  if (state.files.storedBytes() + file.size > state.storageQuota)
    throw new ApiError(403, messages.uploadLimit)
}

async function processUpload(
  req: IncomingMessage,
  session: UploadSession,
  form: ParsedForm,
  signal: AbortSignal,
) {
  const { state } = session
  const authorization = req.headers.authorization
  if (session.path === 'v1') authenticateV1(form.fields, authorization, state, session.tokenReused)
  else await authenticateV2(form.fields, authorization, state, session.tokenReused)
  const params = parseUploadParams(form.fields)
  const file = await receivedFile(form, session, signal)
  const rawName = form.fields.get('fileName')
  if (!rawName) throw missingParam('fileName')
  const name = sanitizeFileName(rawName)
  const media = await mediaInfo(file.tempPath, name, file.mime)
  if (params.checks !== null) {
    runChecks(params.checks, checkContext(params, rawName, file.size, media))
  }
  checkLimits(session, params, file, media)
  const stored = await state.files.commit(file.tempPath, newRecord(state, params, name, file, media))
  session.untrackTemp(file.tempPath)
  state.stats.uploads++
  const queued = queuesPreTransformation(params.transformation, media)
  return { stored, params, queued, answer: await uploadResponse(stored, params, media) }
}

/** POST /api/v1/files/upload and /api/v2/files/upload. */
export async function handleUpload(
  req: IncomingMessage,
  res: ServerResponse,
  state: EmulatorState,
  path: UploadPath,
): Promise<void> {
  state.stats.requests++
  state.uploads.add(req)
  const session = new UploadSession(req, path, state)
  // A remote download stops when the client leaves (or stop() closes the connection).
  const gone = new AbortController()
  res.once('close', () => gone.abort())
  try {
    const form = await readMultipart(req, session, {
      onField: (name, value) => onField(session, name, value),
    })
    const { stored, params, queued, answer } = await processUpload(req, session, form, gone.signal)
    // A queued video pre-transformation answers only its message (OAS 202 schema); the record goes
    // out in upload.pre-transform.success below, as ImageKit sends it once the video is processed.
    if (queued) sendJson(res, 202, { message: messages.preTransformationQueued })
    else {
      sendJson(res, 200, answer)
      uploadAnswers.publish({ path, body: answer })
    }
    // After the answer, never before: a slow or failing webhook endpoint cannot delay an upload.
    sendUploadEvents(state.webhooks, stored, params, answer, String(res.getHeader('x-ik-requestid')))
  } catch (error) {
    // Read (and drop) whatever is left of the body, so the client gets the answer cleanly.
    if (!session.pump.aborted) await session.pump.discard()
    if (!session.pump.aborted) sendError(res, session.failure ?? error)
  } finally {
    state.uploads.delete(req)
    await session.cleanup()
  }
}
