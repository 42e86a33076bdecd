import { Transform, type TransformCallback } from 'node:stream'
import { ApiError, badRequest } from './api-error.js'
import { messages } from './messages.js'
import { SNIFF_BYTES, sizeClassOf } from './size-class.js'
import { sizeLimit } from './size-limits.js'
import type { UploadSession } from './upload-session.js'

/** What the client said about the file, for when its first bytes do not tell its type. */
export interface FileHint {
  mime: string
  fileName: string
}

/**
 * Counts a file's bytes on their way to disk (multipart part, remote download) and refuses them
 * once they pass the size limit of the file's type or the storage quota. The type is known only
 * after the first SNIFF_BYTES bytes, which are held back until then; `maxFileSize`, when set, is
 * the limit of every type and applies from the first byte. A refusal fails the session and drops
 * every later byte (the multipart body is still read to its end before the answer).
 */
export class UploadGuard extends Transform {
  /** Bytes received so far (dropped ones included, until the refusal). */
  size = 0
  #session: UploadSession
  #hint: FileHint
  #onRefused: (() => void) | undefined
  #limit: number | undefined
  #head: Buffer[] = []

  constructor(session: UploadSession, hint: FileHint, onRefused?: () => void) {
    super()
    this.#session = session
    this.#hint = hint
    this.#onRefused = onRefused
    this.#limit = session.state.maxFileSize
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.#session.failure) this.#take(chunk)
    callback()
  }

  override _flush(callback: TransformCallback): void {
    // A file shorter than SNIFF_BYTES: decide on what there is.
    if (!this.#session.failure && this.#head.length > 0) this.#settle()
    callback()
  }

  #take(chunk: Buffer): void {
    this.size += chunk.length
    const { files, storageQuota } = this.#session.state
    if (files.storedBytes() + this.size > storageQuota) {
      this.#refuse(new ApiError(403, messages.uploadLimit))
      return
    }
    this.#head.push(chunk)
    if (this.#limit !== undefined || this.size >= SNIFF_BYTES) this.#settle()
  }

  /** Decide the limit (once, from the held first bytes), then refuse or pass the held bytes on. */
  #settle(): void {
    if (this.#limit === undefined) {
      const sizeClass = sizeClassOf(Buffer.concat(this.#head), this.#hint.mime, this.#hint.fileName)
      this.#limit = sizeLimit(this.#session.state, sizeClass)
    }
    if (this.size > this.#limit) {
      this.#refuse(badRequest(messages.fileTooLarge))
      return
    }
    for (const chunk of this.#head) this.push(chunk)
    this.#head = []
  }

  #refuse(error: ApiError): void {
    this.#head = []
    this.#session.fail(error)
    this.#onRefused?.()
  }
}
