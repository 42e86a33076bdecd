import { Uppy, type UppyFile, type Restrictions as UppyRestrictions } from '@uppy/core'
import { getFileNameAndExtension, getFileType, getSafeFileId } from '@uppy/core/utils'
import { uppyRestrictionStrings } from './restrictions.js'
import { yieldToBrowser } from './sleep.js'
import type { Restrictions, Timers } from './types.js'

let instances = 0
/**
 * Files marked started per task: Uppy's `upload-start` costs about 25 µs a file plus a copy of its
 * whole file map per call, so a long hand-over goes in four slices (10,000 files: Uppy's
 * `patchFilesState` took 190 ms of CPU in slices of 250, 50–60 ms in four; V8 profile).
 */
const markSlice = (count: number) => Math.max(250, Math.ceil(count / 4))

export interface AddItem {
  data: File | Blob
  name: string
  /** The type found in the bytes, when the browser gave none (see `preprocess.detectType`). */
  type?: string
  /** `addUrl`'s link: ImageKit downloads the file, `data` is an empty placeholder. */
  url?: string
}
export type AddOutcome =
  | { file: { id: string; name: string; size: number; type: string } }
  | { cause: unknown }

/** Counts of the files already in the list, for the aggregate limits. */
export interface ListTotals {
  count: number
  bytes: number
}

export interface UppyBridge {
  uppy: Uppy
  /**
   * Checks and adds files in O(1) each: Uppy's id, name, type and single-file restrictions, our
   * running totals for the aggregate ones; one `setState` per `batch` (see README "Design notes").
   */
  addAll(items: readonly AddItem[], totals: ListTotals, checkSizes?: boolean, batch?: AddBatch): AddOutcome[]
  /** Files checked over several `addAll` calls, put into Uppy's state in one `setState` by `commit`. */
  batch(): AddBatch
  commit(batch: AddBatch): void
  /** The size restrictions for one file already in the list (after `preprocess`), as our code. */
  checkSize(file: { id: string; name: string; type: string; size: number }, totals: ListTotals): Error | null
  /** Hands every file Uppy has not started yet to our uploader; resolves to their ids. */
  upload(): Promise<string[]>
  remove(ids: readonly string[]): void
  destroy(): void
}

type File_ = UppyFile<Record<string, never>, Record<string, never>>

/** Files checked but not yet in Uppy's state (Uppy copies its whole map on each `setState`). */
export interface AddBatch {
  readonly files: Record<string, File_>
}

/** The record Uppy's own `addFile` would make (`#transformFile` in @uppy/core 6.3, pinned by the contract test). */
function toUppyFile(uppy: Uppy, item: AddItem): File_ {
  const { url } = item
  const descriptor = {
    name: item.name,
    type: item.type ?? item.data.type,
    data: item.data,
    // a link's id holds the link (Uppy ids take `relativePath`): two links to `a.jpg` are two files
    meta: url === undefined ? {} : { relativePath: url },
    isRemote: false,
  }
  const type = getFileType(descriptor)
  // a link's size is unknown (null, as Uppy has it): its size limits are ImageKit's and the route's
  const size = url === undefined && Number.isFinite(item.data.size) ? item.data.size : null
  return {
    source: '',
    id: getSafeFileId(descriptor as Parameters<typeof getSafeFileId>[0], uppy.getID()),
    name: item.name,
    extension: getFileNameAndExtension(item.name).extension ?? '',
    meta: { ...uppy.getState().meta, name: item.name, type },
    type,
    progress: {
      percentage: 0,
      bytesUploaded: false,
      bytesTotal: size,
      uploadComplete: false,
      uploadStarted: null,
    },
    size,
    isGhost: false,
    isRemote: false,
    data: item.data,
    preview: undefined,
  } as unknown as File_
}

const code = (key: keyof typeof uppyRestrictionStrings) => new Error(String(uppyRestrictionStrings[key]))

/** The first restriction `file` breaks, as an Error whose message is our code, or null. */
function check(
  uppy: Uppy,
  file: File_,
  r: Restrictions,
  totals: ListTotals,
  seen: Readonly<Record<string, unknown>>,
  sizes: boolean,
): Error | null {
  if (seen[file.id] || uppy.checkIfFileAlreadyExists(file.id)) return code('noDuplicates')
  // Uppy skips the size limits for a file of unknown size: how the type is checked before `preprocess`
  const single = uppy.validateSingleFile(sizes ? file : { ...file, size: null })
  if (single !== null) return new Error(single)
  if (r.maxNumberOfFiles && totals.count + 1 > r.maxNumberOfFiles) return new Error('TOO_MANY_FILES')
  if (sizes && r.maxTotalFileSize && totals.bytes + (file.size ?? 0) > r.maxTotalFileSize)
    return code('aggregateExceedsSize')
  return null
}

/**
 * Uppy core holds the file list, ids, duplicate check and restrictions, and drives our uploader
 * (Pattern C: no @uppy/xhr-upload; the transfer is ours). See README "Design notes".
 */
export function createUppyBridge(
  restrictions: Restrictions,
  uploadFiles: (ids: readonly string[]) => void,
  timers: () => Timers,
): UppyBridge {
  const uppy = new Uppy({
    id: `upkit-${++instances}`,
    autoProceed: false,
    // Uppy reads only its own keys (sizes, counts, allowedFileTypes); `validate` is run by us (async)
    restrictions: restrictions as UppyRestrictions,
    locale: { strings: uppyRestrictionStrings, pluralize: (n: number) => (n === 1 ? 0 : 1) },
  })
  const handed = new Map<string, string[]>()
  let destroyed = false
  uppy.addUploader(async (ids, uploadID) => {
    handed.set(uploadID, [...ids])
    // Not awaited: Uppy's upload ends soon after, so `currentUploads` never holds thousands of ids
    // (its next upload() would scan them once per file).
    uploadFiles(ids)
    // Marks the files as started, so a later upload() does not hand them over again (until then
    // `currentUploads` keeps them out). Uppy copies every record it marks and its whole file map:
    // in slices, a task each, or 1,000 files would add a 25 ms block to the task that started them.
    const slice = markSlice(ids.length)
    for (let from = 0; from < ids.length && !destroyed; from += slice) {
      await yieldToBrowser(timers())
      if (!destroyed) uppy.emit('upload-start', uppy.getFilesByIds(ids.slice(from, from + slice)))
    }
  })
  return {
    uppy,
    checkSize(file, totals) {
      const single = uppy.validateSingleFile({ ...uppy.getFile(file.id), size: file.size, type: file.type })
      if (single !== null) return new Error(single)
      const { maxTotalFileSize } = restrictions
      return maxTotalFileSize && totals.bytes > maxTotalFileSize ? code('aggregateExceedsSize') : null
    },
    addAll(items, totals, checkSizes = true, into) {
      const batch = into ?? { files: {} }
      const outcomes = items.map((item): AddOutcome => {
        const file = toUppyFile(uppy, item)
        const cause = check(uppy, file, restrictions, totals, batch.files, checkSizes)
        if (cause) return { cause }
        batch.files[file.id] = file
        totals.count++
        totals.bytes += file.size ?? 0
        return { file: { id: file.id, name: file.name ?? item.name, size: item.data.size, type: file.type } }
      })
      if (!into) this.commit(batch)
      return outcomes
    },
    batch: () => ({ files: {} }),
    commit(batch) {
      if (Object.keys(batch.files).length > 0)
        uppy.setState({ files: { ...uppy.getState().files, ...batch.files } })
    },
    upload: async () => {
      const { uploadID } = (await withoutStacks(() => uppy.upload())) ?? {}
      const ids = handed.get(uploadID ?? '') ?? []
      handed.delete(uploadID ?? '')
      return ids
    },
    remove: (ids) => {
      const known = ids.filter((id) => uppy.getState().files[id])
      if (known.length > 0) uppy.removeFiles(known)
    },
    destroy: () => {
      destroyed = true
      uppy.destroy()
    },
  }
}

/**
 * Runs `start` with V8's stack capture off, then restores it. Uppy's `upload()` builds a
 * RestrictionError for every file in its state before its first await (`#checkRequiredMetaFields`,
 * even with no required fields); capturing their stacks was most of a 30–40 ms task at 1,000 files
 * (about 3× less without, measured in Node). Only that synchronous part runs inside; other engines
 * ignore the property.
 */
function withoutStacks<T>(start: () => T): T {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return start()
  } finally {
    Error.stackTraceLimit = limit
  }
}
