import { addFiles, listOf } from './add-files.js'
import { trackCompletion } from './completion.js'
import { Emitter } from './emitter.js'
import type { EngineParts } from './engine-parts.js'
import { runFileTask, type TaskContext } from './file-task.js'
import { buildDescription } from './form.js'
import { logError } from './http.js'
import { enErrors } from './locales/en-errors.js'
import { createErrorFactory, type ErrorFactory } from './localize.js'
import { mergeParams } from './params.js'
import { Persistence } from './persistence.js'
import { resolvePlatform } from './platform.js'
import { resolveRetry } from './retry-policy.js'
import { Scheduler } from './scheduler.js'
import { isSecureEndpoint } from './secure-endpoint.js'
import type { AheadSource } from './sign-ahead.js'
import { createSigner } from './signer.js'
import { Store } from './store.js'
import type { FileState, Uploader, UploaderOptions } from './types.js'
import { createUppyBridge } from './uppy-bridge.js'
import { validateOptions } from './validate-options.js'
import { waitForOnline } from './wait-online.js'

/** Creates the upload engine. Safe to call on a server: nothing touches browser globals until used. */
export function createUploader(options: UploaderOptions): Uploader {
  const makeError = createErrorFactory({ ...enErrors, ...options?.locale, ...options?.messages })
  validateOptions(options, makeError)
  const apiVersion = options.apiVersion ?? 1
  const endpoint = options.uploadEndpoint ?? `https://upload.imagekit.io/api/v${apiVersion}/files/upload`
  const { auth } = options
  for (const url of [
    endpoint,
    typeof auth === 'string' ? auth : typeof auth === 'function' ? '' : auth.url,
  ]) {
    if (!isSecureEndpoint(url)) throw makeError('INSECURE_ENDPOINT', {}, { url })
  }
  const parts = createParts(options, makeError, endpoint, apiVersion)
  trackCompletion(parts.store, parts.emitter)
  return buildApi(parts)
}

function createParts(options: UploaderOptions, makeError: ErrorFactory, endpoint: string, apiVersion: 1 | 2) {
  const platform = resolvePlatform(options)
  const { now, online } = platform
  const store = new Store({ timers: platform.timers, now, throttleMs: options.throttleMs ?? 100 })
  const emitter = new Emitter()
  const concurrency = options.concurrency ?? 3
  const persistence = options.persist && new Persistence(options.persist, store)
  const appParams = (file: FileState) => mergeParams(options.params ?? {}, options.getParams?.(file))
  const paramsFor = (file: FileState) => {
    const params = appParams(file)
    return persistence && apiVersion === 1 ? mergeParams(params, persistence.paramsFor(file, params)) : params
  }
  let scheduler: Scheduler | undefined
  const source: AheadSource = {
    upcoming: (count) => scheduler?.upcoming(count) ?? [],
    describe: (id) => {
      const file = store.get(id)
      return file && buildDescription(file, paramsFor(file))
    },
  }
  const signer = createSigner({
    ...{ auth: options.auth, apiVersion, fetch: platform.fetch, makeError, now, prefetch: options.prefetch },
    ...{ timeoutMs: options.signTimeoutMs ?? 10_000, timers: platform.timers },
    ahead: options.signAhead === false ? undefined : { source, lookahead: concurrency },
  })
  const context: TaskContext = {
    ...{ store, emitter, platform, sign: signer.sign, topUp: signer.topUp, makeError, endpoint, apiVersion },
    ...{ retry: resolveRetry(options.retry), stallTimeoutMs: options.stallTimeoutMs ?? 30_000 },
    ...{ publicKey: options.publicKey, paramsFor, waitOnline: (s: AbortSignal) => waitForOnline(online, s) },
    alreadyUploaded: (file, params) => persistence?.alreadyUploaded(file, params),
  }
  // a task starts only for a queued file: Uppy may hand over one that a retry already started
  // with persist, uploads wait for the queue's first read (a few ms), so every file gets its own name
  const run = async (id: string, signal: AbortSignal) => {
    await persistence?.ready
    return store.get(id)?.status === 'queued' ? runFileTask(context, id, signal) : undefined
  }
  scheduler = new Scheduler(concurrency, run)
  const tasks = scheduler
  const bridge = createUppyBridge(options.restrictions ?? {}, (ids) => {
    for (const id of ids) void tasks.enqueue(id)
  })
  const onlineChanged = () => store.dispatch({ type: 'online', online: online.isOnline() })
  onlineChanged()
  const unsubscribe = online.subscribe(onlineChanged)
  const dispose = () => {
    signer.dispose()
    unsubscribe()
    bridge.destroy()
  }
  return {
    options,
    store,
    emitter,
    scheduler,
    bridge,
    makeError,
    platform,
    signer,
    persistence,
    dispose,
  } satisfies EngineParts
}

function cancelFiles({ scheduler, store, signer }: EngineParts, ids: readonly string[]): void {
  for (const id of ids) {
    scheduler.cancel(id)
    signer.drop(id)
  }
  store.dispatch({ type: 'cancelled', ids })
}

/** Starts `error` and `cancelled` files again. Straight to our scheduler: Uppy has no part in a retry. */
function retryFiles({ store, scheduler }: EngineParts, ids: readonly string[]): void {
  const before = ids.map((id) => store.get(id))
  store.dispatch({ type: 'requeued', ids })
  ids.forEach((id, i) => {
    if (store.get(id) !== before[i]) void scheduler.enqueue(id)
  })
}

/** Stops and drops files: one store change and one Uppy change however many go. */
function removeFiles(parts: EngineParts, ids: readonly string[]): void {
  cancelFiles(parts, ids)
  parts.store.dispatch({ type: 'removed', ids })
  parts.bridge.remove(ids)
}

const FINISHED = new Set(['success', 'error', 'cancelled'])

/** Settles once every task of these ids ended. */
function settled({ scheduler }: EngineParts, ids: readonly string[]): Promise<void> {
  return Promise.all(ids.map((id) => scheduler.whenDone(id))).then(() => undefined)
}

function buildApi(parts: EngineParts): Uploader {
  const { options, store, emitter, scheduler, bridge } = parts
  let destroyed = false
  const startUploads = () => bridge.upload().then((ids) => settled(parts, ids), logError)
  const all = (command: (parts: EngineParts, ids: readonly string[]) => void) => () =>
    destroyed || command(parts, store.ids())
  const api: Uploader = {
    subscribe: store.subscribe,
    getSnapshot: store.getSnapshot,
    getFile: (id) => store.get(id),
    subscribeFile: store.subscribeFile,
    async addFiles(files) {
      if (destroyed) return { added: [], rejected: [] }
      const result = await addFiles(parts, listOf(files, parts.makeError))
      if (result.added.length > 0 && (options.autoUpload ?? true)) void startUploads()
      return result
    },
    upload: async () => {
      if (!destroyed) await startUploads()
    },
    cancel: (id) => cancelFiles(parts, [id]),
    cancelAll: all(cancelFiles),
    retry: (id) => destroyed || retryFiles(parts, [id]),
    retryAll: all(retryFiles),
    remove: (id) => removeFiles(parts, [id]),
    clearFinished: () =>
      destroyed ||
      removeFiles(
        parts,
        store.ids().filter((id) => FINISHED.has(store.get(id)?.status ?? '')),
      ),
    resumeRestored: async () => {
      const files = destroyed ? [] : (parts.persistence?.takeRestored() ?? [])
      return api.addFiles(files)
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
      scheduler.cancelAll()
      parts.dispose()
    },
  }
  return api
}
