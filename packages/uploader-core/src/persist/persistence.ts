import type { PersistHost, PersistSession } from '../persist-host.js'
import type { FileState, UploadParams, UploadResult } from '../types.js'

/** One queued file as kept across reloads. */
export interface StoredUpload {
  /** The engine's file id (stable for the same name, type, size and lastModified). */
  id: string
  name: string
  type: string
  lastModified: number
  data: Blob
  /** The name it is uploaded under: unique per queued file, so a second upload of it is refused ('' = its own). */
  uploadName: string
  /** A link's address (`addUrl`): ImageKit downloads it, `data` is empty. */
  url?: string
}

/** Where the queue is kept: `persistQueue()` from `@upkit/uploader-core/persist` (IndexedDB). */
export interface QueueStore {
  load(): Promise<StoredUpload[]>
  put(upload: StoredUpload): Promise<void>
  delete(id: string): Promise<void>
  clear(): Promise<void>
}

const FINISHED = new Set(['success', 'processing', 'cancelled'])

/** `photo.jpg` → `photo_k3j9x2ab.jpg`: the same queued file keeps the same name across reloads. */
function uniqueName(name: string): string {
  const dot = name.lastIndexOf('.')
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, '']
  return `${stem}_${Math.random().toString(36).slice(2, 10)}${ext}`
}

/**
 * Keeps the queue in a {@link QueueStore} so it survives a reload or a crash: each added file is
 * stored, and dropped again once it finished or was removed. Storage failures (quota, no IndexedDB)
 * turn persistence off with one console note; uploading goes on as without it.
 */
export class Persistence implements PersistSession {
  #queue: QueueStore | undefined
  #names = new Map<string, string>()
  #resumed = new Set<string>()
  #restored: StoredUpload[] = []
  /** Resumed Files on their way back in, with what was kept of them (the engine gives them new ids). */
  #resuming = new Map<Blob, StoredUpload>()
  #store: PersistHost
  /** Whether the queue answered its first read: only then are files kept and named. */
  #loaded = false
  /** Files added before that. */
  #early: FileState[] = []

  /** Settles once the queue was read (or failed to be). */
  readonly ready: Promise<void>

  constructor(queue: QueueStore, store: PersistHost) {
    this.#queue = queue
    this.#store = store
    store.onChange((before, after) => this.#changed(before, after))
    this.ready = this.#load()
  }

  /** Reads what the last visit left; the snapshot's `restored` then counts it. */
  async #load(): Promise<void> {
    const uploads = await this.#try((queue) => queue.load())
    this.#loaded = uploads !== undefined
    for (const early of this.#early.splice(0)) {
      const file = this.#store.get(early.id)
      // one already on its way keeps its name: only the files not started yet get their own
      if (file && !FINISHED.has(file.status)) this.#save(file, file.status === 'queued')
    }
    this.#restored = uploads ?? []
    this.#store.setRestored(this.#restored.length)
  }

  /** The files to add again, as Files with their old names, dates and upload names (a link as a link). */
  takeRestored(): ReturnType<PersistSession['takeRestored']> {
    const files = this.#restored.map((upload) => {
      const { url, name, type, lastModified } = upload
      const file = url === undefined ? new File([upload.data], name, { type, lastModified }) : new Blob([])
      this.#resuming.set(file, upload)
      return url === undefined ? (file as File) : { data: file, name, url }
    })
    this.#restored = []
    this.#store.setRestored(0)
    return files
  }

  async discardRestored(): Promise<void> {
    const ids = this.#restored.map((upload) => upload.id)
    this.#restored = []
    this.#store.setRestored(0)
    await Promise.all(ids.map((id) => this.#try((queue) => queue.delete(id))))
  }

  /**
   * Fields that make a second upload of the same queued file fail as FILE_EXISTS instead of storing it
   * twice: its own unique name, no unique suffix, no overwrite. Only where the app decided none of them.
   */
  paramsFor(file: FileState, params: UploadParams): UploadParams {
    const name = this.#names.get(file.id)
    if (
      !name ||
      params.fileName ||
      params.useUniqueFileName !== undefined ||
      params.overwriteFile !== undefined
    )
      return {}
    return { fileName: name, useUniqueFileName: false, overwriteFile: false }
  }

  /** A resumed file that ImageKit already holds under its unique name was uploaded before the page closed. */
  alreadyUploaded(file: FileState, params: UploadParams): UploadResult | undefined {
    if (!this.#resumed.has(file.id) || params.fileName !== this.#names.get(file.id)) return undefined
    const folder = (params.folder ?? '/').replace(/\/?$/, '/')
    const name = params.fileName ?? file.name
    return { fileId: '', name, filePath: `${folder}${name}`, url: '', size: file.size, alreadyUploaded: true }
  }

  #changed(before: FileState | undefined, after: FileState | undefined): void {
    if (!before && after) this.#save(after)
    else if (before && (!after || (FINISHED.has(after.status) && !FINISHED.has(before.status)))) {
      this.#names.delete(before.id)
      this.#resumed.delete(before.id)
      void this.#try((queue) => queue.delete(before.id))
    }
  }

  #save(file: FileState, named = true): void {
    if (!this.#loaded) {
      if (this.#queue) this.#early.push(file)
      return // not kept (yet): no resume, so no need for a name of its own
    }
    const earlier = this.#resuming.get(file.data)
    this.#resuming.delete(file.data)
    const uploadName = earlier?.uploadName ?? (named ? uniqueName(file.name) : '')
    if (uploadName) this.#names.set(file.id, uploadName)
    if (earlier) this.#resumed.add(file.id)
    const lastModified = (file.data as File).lastModified ?? 0
    const upload = {
      id: file.id,
      name: file.name,
      type: file.type,
      lastModified,
      data: file.data,
      uploadName,
      ...(file.url === undefined ? {} : { url: file.url }),
    }
    void this.#try((queue) => queue.put(upload))
    // kept again under its new id first, then the old record goes: a crash between leaves a duplicate, not a loss
    if (earlier && earlier.id !== file.id) void this.#try((queue) => queue.delete(earlier.id))
  }

  async #try<T>(step: (queue: QueueStore) => Promise<T>): Promise<T | undefined> {
    if (!this.#queue) return undefined
    try {
      return await step(this.#queue)
    } catch (error) {
      if (!this.#queue) return undefined // another step failed first and said so
      this.#queue = undefined
      console.warn(
        '[upkit] the upload queue cannot be kept across reloads here; uploads go on without it.',
        error,
      )
      return undefined
    }
  }
}
