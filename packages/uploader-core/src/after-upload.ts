import type { EngineParts } from './engine-parts.js'
import { announceSuccess, completeFile } from './file-task.js'

/** Undo: the route deletes the finished file from ImageKit, then it leaves the list. */
export async function revertFile(
  parts: EngineParts,
  id: string,
  remove: (id: string) => void,
): Promise<void> {
  const { store, completer, offered, makeError, emitter } = parts
  const file = store.get(id)
  const fileId = file?.result?.fileId
  if (file?.status !== 'success' || !fileId) {
    const detail = `revert: file ${id} is not an uploaded file with an ImageKit fileId; only finished files can be reverted.`
    throw makeError('INVALID_INPUT', {}, { detail })
  }
  if (!completer || !offered.get(id)?.includes('revert')) {
    const detail = 'revert: the signing route does not offer revert; enable it there with `revert: true`.'
    throw makeError('INVALID_INPUT', {}, { detail })
  }
  try {
    await completer.revert(fileId)
  } catch (cause) {
    const serverMessage = cause instanceof Error ? cause.message : String(cause)
    throw makeError('REVERT_FAILED', { cause, serverMessage }, { name: file.name })
  }
  remove(id)
  emitter.emit('file-reverted', { file })
}

/** Asks the app's server again to record a stored file it could not record before. */
export async function retryCompletion(parts: EngineParts, id: string): Promise<void> {
  const file = parts.store.get(id)
  const fileId = file?.result?.fileId
  if (!file?.result || !file.completionError || !fileId || !parts.completer) return
  const context = { complete: parts.completer.complete, makeError: parts.makeError }
  const completion = await completeFile(context, fileId, new AbortController().signal)
  parts.store.dispatch({ type: 'succeeded', id, result: file.result, ...completion })
  announceSuccess(parts, id, file.result)
}
