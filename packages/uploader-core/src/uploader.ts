import { addFiles, listOf } from './add-files.js'
import { urlItem } from './add-url.js'
import { retryCompletion, revertFile } from './after-upload.js'
import { trackCompletion } from './completion.js'
import { createParts, type EngineParts } from './engine-parts.js'
import { logError } from './http.js'
import { enErrors } from './locales/en-errors.js'
import { createErrorFactory } from './localize.js'
import type { AddFilesResult, Uploader, UploaderOptions } from './types.js'
import { isUploadError } from './upload-error.js'
import { validateOptions } from './validate-options.js'

/** Creates the upload engine. Safe to call on a server: nothing touches browser globals until used. */
export function createUploader(options: UploaderOptions): Uploader {
  const makeError = createErrorFactory({ ...enErrors, ...options?.locale, ...options?.messages })
  validateOptions(options, makeError)
  const apiVersion = options.apiVersion ?? 1
  const endpoint = options.uploadEndpoint ?? `https://upload.imagekit.io/api/v${apiVersion}/files/upload`
  const parts = createParts(options, makeError, endpoint, apiVersion)
  trackCompletion(parts.store, parts.emitter)
  return buildApi(parts)
}

function cancelFiles({ pipeline, store, signer }: EngineParts, ids: readonly string[]): void {
  for (const id of ids) {
    pipeline.cancel(id)
    signer.drop(id)
  }
  store.dispatch({ type: 'cancelled', ids })
}

/** Starts `error` and `cancelled` files again. Straight to our scheduler: Uppy has no part in a retry. */
function retryFiles(parts: EngineParts, ids: readonly string[]): void {
  const { store, pipeline } = parts
  for (const id of ids) if (store.get(id)?.completionError) void retryCompletion(parts, id)
  const before = ids.map((id) => store.get(id))
  store.dispatch({ type: 'requeued', ids })
  ids.forEach((id, i) => {
    if (store.get(id) !== before[i]) void pipeline.start(id)
  })
}

/** Stops and drops files: one store change and one Uppy change however many go. */
function removeFiles(parts: EngineParts, ids: readonly string[]): void {
  cancelFiles(parts, ids)
  parts.store.dispatch({ type: 'removed', ids })
  parts.bridge.remove(ids)
}

/** A finished file whose route offers revert, with `revertOnRemove` on. */
const revertsOnRemove = ({ store, offered, options }: EngineParts, id: string) =>
  options.revertOnRemove !== false &&
  store.get(id)?.status === 'success' &&
  !!offered.get(id)?.includes('revert')

function revertOrSay(parts: EngineParts, id: string): void {
  const file = parts.store.get(id)
  revertFile(parts, id, (gone) => removeFiles(parts, [gone])).catch((error: unknown) => {
    if (file && isUploadError(error)) parts.emitter.emit('revert-error', { file, error })
  })
}

const FINISHED = new Set(['success', 'processing', 'error', 'cancelled'])

/** Settles once every task of these ids ended. */
function settled({ pipeline }: EngineParts, ids: readonly string[]): Promise<void> {
  return Promise.all(ids.map((id) => pipeline.whenDone(id))).then(() => undefined)
}

function buildApi(parts: EngineParts): Uploader {
  const { options, store, emitter, pipeline, bridge } = parts
  let destroyed = false
  const startUploads = () => bridge.upload().then((ids) => settled(parts, ids), logError)
  const all = (command: (parts: EngineParts, ids: readonly string[]) => void) => () =>
    destroyed || command(parts, store.ids())
  /** Prepares what was added ahead and, with `autoUpload`, starts it. */
  const take = async (adding: Promise<AddFilesResult>) => {
    const result = await adding
    for (const file of result.added) pipeline.prepareAhead(file.id)
    if (result.added.length === 0 || !(options.autoUpload ?? true)) return result
    // the first signatures travel while Uppy hands the files over (not with `preprocess`: the
    // route must see what it made of a file, not the original)
    if (!options.preprocess && parts.platform.online.isOnline())
      parts.signer.prime(result.added.map((file) => file.id))
    void startUploads()
    return result
  }
  const api: Uploader = {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    getFile: (id) => store.get(id),
    subscribeFile: store.subscribeFile,
    async addFiles(files) {
      if (destroyed) return { added: [], rejected: [] }
      return take(addFiles(parts, listOf(files, parts.makeError)))
    },
    async addUrl(url, name) {
      const item = urlItem(url, name, parts.makeError)
      return destroyed ? { added: [], rejected: [] } : take(addFiles(parts, [], [item]))
    },
    upload: async () => {
      if (!destroyed) await startUploads()
    },
    cancel: (id) => cancelFiles(parts, [id]),
    cancelAll: all(cancelFiles),
    retry: (id) => destroyed || retryFiles(parts, [id]),
    retryAll: all(retryFiles),
    remove: (id) => (revertsOnRemove(parts, id) ? revertOrSay(parts, id) : removeFiles(parts, [id])),
    revert: (id) => revertFile(parts, id, (gone) => removeFiles(parts, [gone])),
    clearFinished: () =>
      destroyed ||
      removeFiles(
        parts,
        store.ids().filter((id) => FINISHED.has(store.get(id)?.status ?? '')),
      ),
    resumeRestored: async () => {
      const kept = destroyed ? [] : (parts.persistence?.takeRestored() ?? [])
      const links = kept.filter((entry) => 'url' in entry)
      return take(
        addFiles(
          parts,
          kept.filter((entry) => !('url' in entry)),
          links,
        ),
      )
    },
    discardRestored: async () => {
      if (!destroyed) await parts.persistence?.discardRestored()
    },
    on: (event, listener) => emitter.on(event, listener),
    destroy: () => {
      if (destroyed) return
      destroyed = true
      store.dispose() // first: tearing Uppy down removes its files, which nobody needs to hear about
      emitter.clear()
      pipeline.cancelAll()
      parts.dispose()
    },
  }
  return api
}
