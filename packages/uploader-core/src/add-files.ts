import type { EngineParts } from './engine-parts.js'
import { queued } from './reducer.js'
import { restrictionError, runValidate } from './restrictions.js'
import type { AddFilesResult, FileRejection, FileState } from './types.js'

/** Validates (async, ours), then adds through Uppy (restrictions, ids, duplicates), one file at a time. */
export async function addFiles(
  parts: EngineParts,
  inputs: readonly (File | Blob)[],
): Promise<AddFilesResult> {
  const { store, emitter, bridge, makeError } = parts
  const restrictions = parts.options.restrictions ?? {}
  const names = inputs.map((data) => ('name' in data && typeof data.name === 'string' ? data.name : 'file'))
  const verdicts = await Promise.all(
    inputs.map((data, i) => runValidate(data, names[i] ?? 'file', restrictions, makeError)),
  )
  const added: FileState[] = []
  const rejected: FileRejection[] = []
  inputs.forEach((data, i) => {
    const name = names[i] ?? 'file'
    const invalid = verdicts[i]
    if (invalid) {
      rejected.push({ name, data, error: invalid })
      return
    }
    try {
      const info = bridge.add(data, name)
      added.push({ ...info, data, ...queued })
    } catch (cause) {
      rejected.push({
        name,
        data,
        error: restrictionError(cause, { name, size: data.size }, restrictions, makeError),
      })
    }
  })
  if (added.length > 0) store.dispatch({ type: 'added', files: added })
  for (const file of added) emitter.emit('file-added', { file })
  for (const rejection of rejected) emitter.emit('file-rejected', rejection)
  return { added, rejected }
}
