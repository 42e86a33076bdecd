import type { EngineParts } from './engine-parts.js'
import type { ErrorFactory } from './localize.js'
import { queued } from './reducer.js'
import { restrictionError, runValidate } from './restrictions.js'
import { yieldToBrowser } from './sleep.js'
import type { AddFilesResult, FileRejection, FileState } from './types.js'
import type { AddBatch, AddItem, ListTotals } from './uppy-bridge.js'

/** Work on a long list yields to the browser after this long, so adding 10,000 files never freezes the page. */
export const SLICE_MS = 12
/** Files checked between two reads of the clock. */
const CHUNK = 64

const nameOf = (data: File | Blob) => ('name' in data && typeof data.name === 'string' ? data.name : 'file')

/** A File or Blob, also from another realm (an iframe, jsdom): size, type and slice are what uploading needs. */
const isBlob = (value: unknown): value is Blob =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Blob).size === 'number' &&
  typeof (value as Blob).type === 'string' &&
  typeof (value as Blob).slice === 'function'

const describeValue = (value: unknown) =>
  typeof value === 'string'
    ? `the string ${JSON.stringify(value.slice(0, 40))}`
    : value === null
      ? 'null'
      : `a ${typeof value}`

/** `addFiles`' argument as a list: a FileList, an array or any iterable, or one File/Blob; anything else throws. */
export function listOf(files: unknown, makeError: ErrorFactory): unknown[] {
  if (isBlob(files)) return [files]
  const list = files as { [Symbol.iterator]?: unknown; length?: unknown } | null
  if (
    typeof files === 'object' &&
    list !== null &&
    (typeof list[Symbol.iterator] === 'function' || typeof list.length === 'number')
  )
    return Array.from(files as ArrayLike<unknown>)
  const detail = `addFiles: got ${describeValue(files)}; pass a FileList, an array of File/Blob objects, or one File.`
  throw makeError('INVALID_INPUT', {}, { detail })
}

/** Splits the inputs into files and per-item INVALID_INPUT rejections (a name is not a file). */
function filesOnly(
  inputs: readonly unknown[],
  makeError: ErrorFactory,
  rejected: FileRejection[],
): (File | Blob)[] {
  return inputs.filter((input, i): input is File | Blob => {
    if (isBlob(input)) return true
    const detail = `addFiles: item ${i} is ${describeValue(input)}, not a file; pass File or Blob objects (from an <input type="file">, a drop or a paste).`
    rejected.push({
      name: String(input),
      data: new Blob([]),
      error: makeError('INVALID_INPUT', {}, { detail }),
    })
    return false
  })
}

const GENERIC = new Set(['', 'application/octet-stream'])

/** The type read from the bytes where the browser gave none, so `image/*` lets a HEIC photo in. */
async function withTypes(
  items: AddItem[],
  detect: ((file: Blob) => Promise<string | null | undefined>) | undefined,
): Promise<AddItem[]> {
  if (!detect) return items
  return Promise.all(
    items.map(async (item) => {
      if (!GENERIC.has(item.data.type)) return item
      const type = await detect(item.data).catch(() => undefined)
      return type ? { ...item, type } : item
    }),
  )
}

/**
 * Validates (async, ours), then checks and adds through Uppy in slices that yield to the browser;
 * each slice is one store change, so files appear as they are taken in. `links`: `addUrl`'s entries
 * (no bytes to sniff or validate).
 */
export async function addFiles(
  parts: EngineParts,
  inputs: readonly unknown[],
  links: readonly AddItem[] = [],
): Promise<AddFilesResult> {
  const { store, makeError, options } = parts
  const restrictions = options.restrictions ?? {}
  const added: FileState[] = []
  const rejected: FileRejection[] = []
  const items = await withTypes(
    filesOnly(inputs, makeError, rejected).map((data) => ({ data, name: nameOf(data) })),
    options.preprocess?.detectType,
  )
  const verdicts = restrictions.validate
    ? await Promise.all(items.map(({ data, name }) => runValidate(data, name, restrictions, makeError)))
    : []
  items.push(...links)
  const valid = items.filter((item, i) => {
    const error = verdicts[i]
    if (error) rejected.push({ ...item, error })
    return !error
  })
  const totals = store.listTotals()
  const out = { added, rejected, batch: parts.bridge.batch() }
  const { now, timers } = parts.platform
  let taskBegan = now()
  for (let start = 0; start < valid.length; ) {
    start = takeSlice(parts, valid, start, totals, out)
    // a break between slices, and after the last one when it ran long: committing, and with
    // `autoUpload` starting every file through Uppy, are O(files) and get a task of their own
    if (start < valid.length || now() - taskBegan >= SLICE_MS) {
      await yieldToBrowser(timers())
      taskBegan = now()
    }
  }
  parts.bridge.commit(out.batch) // one copy of Uppy's file map for the whole call
  for (const file of added) parts.emitter.emit('file-added', { file })
  for (const rejection of rejected) parts.emitter.emit('file-rejected', rejection)
  return { added, rejected }
}

interface Outcome {
  added: FileState[]
  rejected: FileRejection[]
  batch: AddBatch
}

/** Adds files from `start` in chunks for about {@link SLICE_MS}, as one store change; returns where it stopped. */
function takeSlice(
  parts: EngineParts,
  items: readonly AddItem[],
  start: number,
  totals: ListTotals,
  out: Outcome,
): number {
  const { store, bridge, makeError, platform } = parts
  const restrictions = parts.options.restrictions ?? {}
  const began = platform.now()
  const files: FileState[] = []
  let end = start
  do {
    const chunk = items.slice(end, end + CHUNK)
    end += chunk.length
    // with `preprocess`, the size limits apply to what it makes of the file (see Pipeline)
    bridge.addAll(chunk, totals, !parts.options.preprocess, out.batch).forEach((outcome, i) => {
      const { data, name, url } = chunk[i] as AddItem
      const link = url === undefined ? {} : { url }
      if ('file' in outcome) files.push({ ...outcome.file, data, ...link, ...queued })
      else {
        const error = restrictionError(outcome.cause, { name, size: data.size }, restrictions, makeError)
        out.rejected.push({ name, data, ...link, error })
      }
    })
  } while (end < items.length && platform.now() - began < SLICE_MS)
  store.dispatch({ type: 'added', files })
  out.added.push(...files)
  return end
}
