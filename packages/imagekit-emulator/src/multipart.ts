import { createWriteStream } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { pipeline } from 'node:stream/promises'
import busboy from 'busboy'
import { ApiError, badRequest, invalidParam } from './api-error.js'
import { messages } from './messages.js'
import { UploadGuard } from './upload-guard.js'
import type { UploadSession } from './upload-session.js'

/** Largest value of a field other than `file` (a base64 `file` may use the whole FIELD_SIZE). */
export const MAX_FIELD_LENGTH = 64 * 1024
export const FIELD_SIZE = 10 * 1024 * 1024
export const MAX_FIELDS = 100

export interface ReceivedFile {
  tempPath: string
  size: number
  partFileName: string
  mime: string
}

export interface ParsedForm {
  fields: Map<string, string>
  file: ReceivedFile | undefined
  /** The `file` parameter sent as a string (base64, data URI or URL). */
  fileString: string | undefined
}

export interface MultipartHooks {
  onField(name: string, value: string): void
}

function createParser(req: IncomingMessage): busboy.Busboy {
  const type = req.headers['content-type'] ?? ''
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(type)) {
    throw badRequest(messages.missingFile)
  }
  try {
    return busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      // No fileSize limit here: the limit depends on the file's type, which UploadGuard sniffs.
      limits: {
        files: 2,
        fields: MAX_FIELDS,
        parts: MAX_FIELDS + 2,
        fieldSize: FIELD_SIZE,
        fieldNameSize: 200,
      },
    })
  } catch {
    throw badRequest(messages.malformedBody)
  }
}

type FileInfo = { filename: string; mimeType: string }

/** Stream the `file` part to a temp file; resolves with it, or undefined when it was dropped. */
async function receiveFile(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  info: FileInfo,
  session: UploadSession,
  fileNameField: string | undefined,
): Promise<ReceivedFile | undefined> {
  const tempPath = session.state.files.tempPath()
  session.trackTemp(tempPath)
  const received = new UploadGuard(session, {
    mime: info.mimeType,
    fileName: info.filename || (fileNameField ?? ''),
  })
  try {
    await pipeline(stream, received, createWriteStream(tempPath, { flags: 'wx' }))
  } catch (error) {
    session.fail(error instanceof ApiError ? error : badRequest(messages.malformedBody))
    stream.resume()
  }
  if (session.failure) return undefined
  return { tempPath, size: received.size, partFileName: info.filename, mime: info.mimeType }
}

function onFieldEvent(
  form: ParsedForm,
  session: UploadSession,
  hooks: MultipartHooks,
  [name, value, info]: [string, string, busboy.FieldInfo],
): void {
  if (info.nameTruncated || info.valueTruncated || (name !== 'file' && value.length > MAX_FIELD_LENGTH)) {
    session.fail(invalidParam(name.slice(0, 50), 'The value is too long.'))
    return
  }
  if (name === 'file') form.fileString = value
  else form.fields.set(name, value)
  hooks.onField(name, value)
}

/**
 * Parse a multipart upload as a stream: fields into memory (capped), the one `file` part straight
 * to a temp file. Resolves when the body is fully read; rejects with the request's first error
 * (its temp file is then deleted by the session's cleanup).
 */
export async function readMultipart(
  req: IncomingMessage,
  session: UploadSession,
  hooks: MultipartHooks,
): Promise<ParsedForm> {
  const parser = createParser(req)
  const form: ParsedForm = { fields: new Map(), file: undefined, fileString: undefined }
  const pending: Promise<void>[] = []
  let fileParts = 0
  parser.on('field', (...args: [string, string, busboy.FieldInfo]) =>
    onFieldEvent(form, session, hooks, args),
  )
  parser.on('file', (name: string, stream: NodeJS.ReadableStream, info: FileInfo) => {
    // busboy errors a part's stream when the form ends mid-part; the parser reports it too.
    stream.on('error', () => undefined)
    if (name === 'file' || name === '') fileParts++
    if (fileParts > 1) session.fail(badRequest(messages.tooManyFiles))
    if (name !== 'file' || session.failure) return void stream.resume()
    if (info.filename) session.nameSeen(info.filename)
    const received = receiveFile(stream, info, session, form.fields.get('fileName')).then((file) => {
      form.file = file
    })
    pending.push(received)
  })
  const limit = () => session.fail(badRequest(messages.tooManyParameters))
  parser.on('filesLimit', () => session.fail(badRequest(messages.tooManyFiles)))
  parser.on('fieldsLimit', limit)
  parser.on('partsLimit', limit)
  const closed = new Promise<void>((resolve) => {
    parser.on('close', resolve)
    parser.on('error', () => {
      session.fail(badRequest(messages.malformedBody))
      resolve()
    })
  })
  session.pump.start(parser)
  await Promise.race([closed, session.pump.done.then((end) => (end === 'aborted' ? undefined : closed))])
  await Promise.all(pending)
  if (session.pump.aborted) throw new ApiError(499, 'Client closed request')
  if (session.failure) throw session.failure
  return form
}
