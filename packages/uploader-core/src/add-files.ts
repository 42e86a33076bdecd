import type { EngineParts } from './engine-parts.js'
import { queued } from './reducer.js'
import { restrictionError, runValidate } from './restrictions.js'
import type { AddFilesResult, FileRejection, FileState } from './types.js'
import type { AddItem } from './uppy-bridge.js'

/** Validates (async, ours), then adds through Uppy (restrictions, ids, duplicates) in one batch. */
export async function addFiles(
  parts: EngineParts,
  inputs: readonly (File | Blob)[],
): Promise<AddFilesResult> {
  const { store, emitter, bridge, makeError } = parts
  const restrictions = parts.options.restrictions ?? {}
  const items: AddItem[] = inputs.map((data) => ({
    data,
    name: 'name' in data && typeof data.name === 'string' ? data.name : 'file',
  }))
  const verdicts = await Promise.all(
    items.map(({ data, name }) => runValidate(data, name, restrictions, makeError)),
  )
  const added: FileState[] = []
  const rejected: FileRejection[] = []
  const valid = items.filter((item, i) => {
    const error = verdicts[i]
    if (error) rejected.push({ ...item, error })
    return !error
  })
  bridge.addAll(valid).forEach((outcome, i) => {
    const { data, name } = valid[i]!
    if ('file' in outcome) added.push({ ...outcome.file, data, ...queued })
    else
      rejected.push({
        name,
        data,
        error: restrictionError(outcome.cause, { name, size: data.size }, restrictions, makeError),
      })
  })
  if (added.length > 0) store.dispatch({ type: 'added', files: added })
  for (const file of added) emitter.emit('file-added', { file })
  for (const rejection of rejected) emitter.emit('file-rejected', rejection)
  return { added, rejected }
}
