import { type Completer, createCompleter, type RouteAction } from './completer.js'
import { Emitter } from './emitter.js'
import { runFileTask, type TaskContext } from './file-task.js'
import { buildDescription } from './form.js'
import type { ErrorFactory } from './localize.js'
import { mergeParams } from './params.js'
import type { PersistSession } from './persist-host.js'
import { Pipeline } from './pipeline.js'
import { type Platform, resolvePlatform } from './platform.js'
import { Preparer } from './preparer.js'
import { restrictionError } from './restrictions.js'
import { resolveRetry } from './retry-policy.js'
import { Scheduler } from './scheduler.js'
import type { AheadSource } from './sign-ahead.js'
import { createSigner, type Signer } from './signer.js'
import { Store } from './store.js'
import type { FileState, UploaderOptions, UploadParams } from './types.js'
import { createUppyBridge, type UppyBridge } from './uppy-bridge.js'
import { waitForOnline } from './wait-online.js'

/** The pieces one uploader is made of, shared by its commands. */
export interface EngineParts {
  options: UploaderOptions
  store: Store
  emitter: Emitter
  pipeline: Pipeline
  bridge: UppyBridge
  makeError: ErrorFactory
  platform: Platform
  signer: Signer
  persistence: PersistSession | undefined
  /** The route's after-upload actions (none for an auth function), and what it offered per file. */
  completer: Completer | undefined
  offered: Map<string, readonly RouteAction[]>
  /** Releases the signer, the online subscription and Uppy. */
  dispose: () => void
}

interface Core {
  options: UploaderOptions
  store: Store
  platform: Platform
  makeError: ErrorFactory
  apiVersion: 1 | 2
  persistence: PersistSession | undefined
}

/** The app's fields for a file, plus what persistence needs to keep a resumed upload to one copy. */
function paramsBuilder({ options, persistence, apiVersion }: Core): (file: FileState) => UploadParams {
  return (file) => {
    const params = mergeParams(options.params ?? {}, options.getParams?.(file))
    return persistence && apiVersion === 1 ? mergeParams(params, persistence.paramsFor(file, params)) : params
  }
}

function signerFor(
  core: Core,
  paramsFor: (file: FileState) => UploadParams,
  upcoming: AheadSource['upcoming'],
) {
  const { options, platform, store, makeError, apiVersion } = core
  const source: AheadSource = {
    upcoming,
    describe: (id) => {
      const file = store.get(id)
      try {
        return file && buildDescription(file, paramsFor(file))
      } catch {
        return undefined // not signed ahead: at its turn the file fails as INVALID_PARAMS, alone
      }
    },
  }
  return createSigner({
    ...{ auth: options.auth, apiVersion, fetch: platform.fetch, makeError, now: platform.now },
    ...{ prefetch: options.prefetch, timeoutMs: options.signTimeoutMs ?? 10_000, timers: platform.timers },
    ahead: options.signAhead === false ? undefined : { source, lookahead: options.concurrency ?? 3 },
  })
}

/** Assembles an uploader's parts; nothing touches browser globals until used. */
export function createParts(
  options: UploaderOptions,
  makeError: ErrorFactory,
  endpoint: string,
  apiVersion: 1 | 2,
): EngineParts {
  const platform = resolvePlatform(options)
  const store = new Store({
    timers: platform.timers,
    now: platform.now,
    throttleMs: options.throttleMs ?? 100,
  })
  const persistence = options.persist?.({
    onChange: (hook) => store.onChange(hook),
    get: (id) => store.get(id),
    setRestored: (count) => store.dispatch({ type: 'restored', count }),
  })
  const core: Core = { options, store, platform, makeError, apiVersion, persistence }
  const emitter = new Emitter()
  const paramsFor = paramsBuilder(core)
  let scheduler: Scheduler | undefined
  const signer = signerFor(core, paramsFor, (count) => scheduler?.upcoming(count) ?? [])
  const completer = completerFor(core)
  const offered = new Map<string, readonly RouteAction[]>()
  const context: TaskContext = {
    ...{ store, emitter, platform, sign: signer.sign, topUp: signer.topUp, makeError, endpoint, apiVersion },
    ...{ retry: resolveRetry(options.retry), stallTimeoutMs: options.stallTimeoutMs ?? 30_000 },
    ...{ publicKey: options.publicKey, paramsFor, waitOnline: (s) => waitForOnline(platform.online, s) },
    alreadyUploaded: (file, params) => persistence?.alreadyUploaded(file, params),
    complete: completer && options.complete !== false ? completer.complete : undefined,
    offered: (id, actions) => offered.set(id, actions),
  }
  // a task starts only for a queued file: Uppy may hand over one that a retry already started;
  // with persist, uploads wait for the queue's first read (a few ms), so every file gets its own name
  scheduler = new Scheduler(options.concurrency ?? 3, async (id, signal) => {
    await persistence?.ready
    return store.get(id)?.status === 'queued' ? runFileTask(context, id, signal) : undefined
  })
  const pipeline = pipelineFor(core, scheduler, emitter, () => bridge)
  const bridge = createUppyBridge(
    options.restrictions ?? {},
    (ids) => {
      for (const id of ids) void pipeline.start(id)
    },
    platform.timers,
  )
  const onlineChanged = () => store.dispatch({ type: 'online', online: platform.online.isOnline() })
  onlineChanged()
  const unsubscribe = platform.online.subscribe(onlineChanged)
  const dispose = () => {
    signer.dispose()
    unsubscribe()
    bridge.destroy()
  }
  return {
    ...{ options, store, emitter, pipeline, bridge, makeError, platform, signer, persistence, dispose },
    ...{ completer, offered },
  }
}

function completerFor({ options, platform, makeError, apiVersion }: Core): Completer | undefined {
  const { auth } = options
  if (typeof auth === 'function') return undefined
  const endpoint = typeof auth === 'string' ? { url: auth } : auth
  return createCompleter(endpoint, {
    ...{ auth, apiVersion, fetch: platform.fetch, makeError, now: platform.now, prefetch: undefined },
    ...{ timeoutMs: options.signTimeoutMs ?? 10_000, timers: platform.timers, random: platform.random },
    retry: resolveRetry(options.retry),
  })
}

function pipelineFor(core: Core, scheduler: Scheduler, emitter: Emitter, bridge: () => UppyBridge): Pipeline {
  const { options, store, makeError } = core
  const restrictions = options.restrictions ?? {}
  return new Pipeline({
    scheduler,
    store,
    preparer: options.preprocess && new Preparer(options.preprocess, store),
    checkSize: (file) => {
      if (!options.preprocess) return undefined // checked when added
      const cause = bridge().checkSize(file, store.listTotals())
      return cause ? restrictionError(cause, file, restrictions, makeError) : undefined
    },
    failed: (file, error) => emitter.emit('upload-error', { file, error }),
  })
}
