import type { EngineParts } from './engine-parts.js'
import { queued } from './reducer.js'
import { restrictionError, runValidate } from './restrictions.js'
import type { AddFilesResult, FileRejection, FileState, Timers } from './types.js'
import type { AddItem, ListTotals } from './uppy-bridge.js'

/** Work on a long list yields to the browser after this long, so adding 10,000 files never freezes the page. */
export const SLICE_MS = 12
/** Files checked between two reads of the clock. */
const CHUNK = 64

const nameOf = (data: File | Blob) => ('name' in data && typeof data.name === 'string' ? data.name : 'file')

/**
 * Validates (async, ours), then checks and adds through Uppy in slices that yield to the browser;
 * each slice is one store change, so files appear as they are taken in.
 */
export async function addFiles(
  parts: EngineParts,
  inputs: readonly (File | Blob)[],
): Promise<AddFilesResult> {
  const { store, makeError, options } = parts
  const restrictions = options.restrictions ?? {}
  const items: AddItem[] = inputs.map((data) => ({ data, name: nameOf(data) }))
  const verdicts = restrictions.validate
    ? await Promise.all(items.map(({ data, name }) => runValidate(data, name, restrictions, makeError)))
    : []
  const added: FileState[] = []
  const rejected: FileRejection[] = []
  const valid = items.filter((item, i) => {
    const error = verdicts[i]
    if (error) rejected.push({ ...item, error })
    return !error
  })
  const totals = store.listTotals()
  for (let start = 0; start < valid.length; )
    start = await takeSlice(parts, valid, start, totals, { added, rejected })
  for (const file of added) parts.emitter.emit('file-added', { file })
  for (const rejection of rejected) parts.emitter.emit('file-rejected', rejection)
  return { added, rejected }
}

interface Outcome {
  added: FileState[]
  rejected: FileRejection[]
}

/** Adds files from `start` in chunks for about {@link SLICE_MS}, as one store change; resolves to where it stopped. */
async function takeSlice(
  parts: EngineParts,
  items: readonly AddItem[],
  start: number,
  totals: ListTotals,
  out: Outcome,
): Promise<number> {
  const { store, bridge, makeError, platform } = parts
  const restrictions = parts.options.restrictions ?? {}
  const began = platform.now()
  const files: FileState[] = []
  let end = start
  do {
    const chunk = items.slice(end, end + CHUNK)
    end += chunk.length
    bridge.addAll(chunk, totals).forEach((outcome, i) => {
      const { data, name } = chunk[i] as AddItem
      if ('file' in outcome) files.push({ ...outcome.file, data, ...queued })
      else {
        const error = restrictionError(outcome.cause, { name, size: data.size }, restrictions, makeError)
        out.rejected.push({ name, data, error })
      }
    })
  } while (end < items.length && platform.now() - began < SLICE_MS)
  store.dispatch({ type: 'added', files })
  out.added.push(...files)
  if (end < items.length) await yieldToBrowser(platform.timers())
  return end
}

/** A macrotask break, so the browser can paint and handle input between slices. */
const yieldToBrowser = (timers: Timers) => new Promise<void>((resolve) => timers.setTimeout(resolve, 0))
