import { asFileError, offeredActions, type RouteAction } from './completer.js'
import type { Emitter } from './emitter.js'
import { type MappedOutcome, mapOutcome } from './error-mapping.js'
import { buildDescription, buildForm } from './form.js'
import type { ErrorFactory } from './localize.js'
import type { Platform } from './platform.js'
import { type BudgetState, decideRetry, type ResolvedRetry } from './retry-policy.js'
import type { SignFn } from './signer.js'
import { sleep } from './sleep.js'
import type { Store } from './store.js'
import { sendXhr } from './transport-xhr.js'
import type { FileError, FileState, Signature, UploadParams, UploadResult } from './types.js'
import { isUploadError, UploadError } from './upload-error.js'

/** Everything one file's task needs from the engine. */
export interface TaskContext {
  store: Store
  emitter: Emitter
  platform: Platform
  sign: SignFn
  /** Signs the next queued files ahead (a no-op without sign-ahead). */
  topUp: () => void
  makeError: ErrorFactory
  retry: ResolvedRetry
  stallTimeoutMs: number
  endpoint: string
  apiVersion: 1 | 2
  publicKey: string | undefined
  paramsFor: (file: FileState) => UploadParams
  /** The route's `complete` action, when the engine may call it (see `offeredActions`). */
  complete: ((fileId: string, signal: AbortSignal) => Promise<unknown>) | undefined
  /** Remembers what the route offered for a file (for `revert`). */
  offered: (id: string, actions: readonly RouteAction[]) => void
  /** The result to record when ImageKit refuses a resumed file as already stored (persist). */
  alreadyUploaded: (file: FileState, params: UploadParams) => UploadResult | undefined
  /** Resolves when online (at once if already); rejects when the signal aborts. */
  waitOnline: (signal: AbortSignal) => Promise<void>
}

type AttemptResult = { ok: true } | { ok: false; error: UploadError }

/** Uploads one file: attempt after attempt (fresh signature each time) until success, a final error, or abort. */
export async function runFileTask(ctx: TaskContext, id: string, signal: AbortSignal): Promise<void> {
  const budget: BudgetState = { failures: 0, resigns: 0, lastResigned: false }
  let best = 0
  try {
    await ctx.waitOnline(signal)
    for (let attempt = (current(ctx, id)?.attempt ?? 0) + 1; ; attempt++) {
      const result = await runAttempt(ctx, id, attempt, signal)
      if (result.ok || signal.aborted) return
      const sent = current(ctx, id)?.bytesUploaded ?? 0
      if (sent > best) {
        best = sent
        budget.failures = 0 // got further than ever before: the budget starts again
      }
      if (!(await handleFailure(ctx, id, result.error, budget, signal))) return
    }
  } catch (error) {
    if (!signal.aborted) throw error
  }
}

function current(ctx: TaskContext, id: string): FileState | undefined {
  return ctx.store.get(id)
}

async function runAttempt(
  ctx: TaskContext,
  id: string,
  attempt: number,
  signal: AbortSignal,
): Promise<AttemptResult> {
  const file = current(ctx, id)
  if (!file) return { ok: true }
  ctx.store.dispatch({ type: 'attempt-started', id, attempt })
  const prepared = await prepareForm(ctx, file, id, attempt, signal)
  if (!prepared.ok) return prepared
  const form = prepared.form
  ctx.store.dispatch({ type: 'uploading', id, at: ctx.platform.now() })
  ctx.topUp() // while this file's bytes travel, the next files get their signatures
  const outcome = await sendXhr({
    createXhr: ctx.platform.createXhr,
    url: ctx.endpoint,
    body: form,
    signal,
    timers: ctx.platform.timers(),
    now: ctx.platform.now,
    online: ctx.platform.online,
    stallTimeoutMs: ctx.stallTimeoutMs,
    onProgress: (loaded, total) =>
      ctx.store.dispatch({
        type: 'progress',
        id,
        bytes: total > 0 ? (loaded / total) * file.size : 0,
        at: ctx.platform.now(),
      }),
  })
  const actions = offeredActions(prepared.signature)
  ctx.offered(id, actions)
  const mapped = mapOutcome(outcome, ctx.makeError, ctx.platform.now())
  return settle(ctx, { id, file, mapped, params: prepared.params, actions, signal })
}

interface Answer {
  id: string
  file: FileState
  mapped: MappedOutcome
  params: UploadParams
  actions: readonly RouteAction[]
  signal: AbortSignal
}

/** Records what ImageKit said: stored (success), accepted for processing (202), or a failure to decide on. */
async function settle(
  ctx: TaskContext,
  { id, file, mapped, params, actions, signal }: Answer,
): Promise<AttemptResult> {
  if ('accepted' in mapped) {
    ctx.store.dispatch({ type: 'accepted', id, notice: mapped.accepted })
    const done = current(ctx, id)
    if (done) ctx.emitter.emit('upload-accepted', { file: done, message: mapped.accepted })
    return { ok: true }
  }
  const earlier = !mapped.ok && mapped.error.code === 'FILE_EXISTS' && ctx.alreadyUploaded(file, params)
  if (!mapped.ok && !earlier) return mapped
  const result = earlier || (mapped as { result: UploadResult }).result
  const completion =
    actions.includes('complete') && result.fileId ? await completeFile(ctx, result.fileId, signal) : {}
  if (signal.aborted) return { ok: true }
  ctx.store.dispatch({ type: 'succeeded', id, result, ...completion })
  announceSuccess(ctx, id, result)
  return { ok: true }
}

/** The app's answer to `complete` (or why it failed: the file is stored all the same). */
export async function completeFile(
  ctx: Pick<TaskContext, 'complete' | 'makeError'>,
  fileId: string,
  signal: AbortSignal,
): Promise<{ serverData?: unknown; completionError?: FileError }> {
  if (!ctx.complete) return {}
  try {
    return { serverData: await ctx.complete(fileId, signal) }
  } catch (error) {
    return { completionError: asFileError(error, ctx.makeError) }
  }
}

/** `upload-success`, then `completion-error` when the app's server could not record the file. */
export function announceSuccess(
  ctx: Pick<TaskContext, 'store' | 'emitter'>,
  id: string,
  result: UploadResult,
) {
  const done = ctx.store.get(id)
  if (!done) return
  ctx.emitter.emit('upload-success', { file: done, result })
  const failed = done.completionError
  if (failed)
    ctx.emitter.emit('completion-error', {
      file: done,
      error: new UploadError(failed.code, failed.message, failed),
    })
}

/** Builds the app's fields, signs them, and builds the multipart body; each step fails with its own code. */
async function prepareForm(
  ctx: TaskContext,
  file: FileState,
  id: string,
  attempt: number,
  signal: AbortSignal,
): Promise<
  { ok: true; form: FormData; params: UploadParams; signature: Signature } | { ok: false; error: UploadError }
> {
  const fail = (code: 'INVALID_PARAMS' | 'SIGNING_FAILED', step: string, cause: unknown) => {
    const reason = cause instanceof Error ? cause.message : String(cause)
    const detail = `${step} failed for “${file.name}”: ${reason}`
    return {
      ok: false as const,
      error: isUploadError(cause) ? cause : ctx.makeError(code, { cause, serverMessage: detail }, { detail }),
    }
  }
  let params: UploadParams
  try {
    params = ctx.paramsFor(file)
  } catch (cause) {
    return fail('INVALID_PARAMS', 'getParams(file)', cause)
  }
  let signature: Awaited<ReturnType<TaskContext['sign']>>
  try {
    signature = await ctx.sign(buildDescription(file, params), signal, attempt, id)
  } catch (cause) {
    return fail('SIGNING_FAILED', 'Signing', cause)
  }
  if (signal.aborted) return { ok: false, error: ctx.makeError('ABORTED') }
  try {
    return {
      ok: true,
      params,
      signature,
      form: buildForm(file, params, signature, ctx.apiVersion, ctx.publicKey),
    }
  } catch (cause) {
    return fail('INVALID_PARAMS', 'Encoding the upload fields', cause)
  }
}

/** Decides what a failure leads to; resolves true to run another attempt. */
async function handleFailure(
  ctx: TaskContext,
  id: string,
  error: UploadError,
  budget: BudgetState,
  signal: AbortSignal,
): Promise<boolean> {
  const { platform, store } = ctx
  if (error.retryable && !platform.online.isOnline()) {
    // offline: wait for the network instead of spending attempts
    store.dispatch({ type: 'retry-scheduled', id, at: null, error: error.toJSON(), waitingForNetwork: true })
    await ctx.waitOnline(signal)
    return true
  }
  const decision = decideRetry(error, budget, ctx.retry, platform.random)
  if (decision.action === 'stop') {
    store.dispatch({ type: 'failed', id, error: error.toJSON() })
    const file = current(ctx, id)
    if (file) ctx.emitter.emit('upload-error', { file, error })
    return false
  }
  const delayMs = decision.action === 'resign' ? 0 : decision.delayMs
  // every failure counts in the budget, except the first re-sign
  if (decision.action !== 'resign' || budget.resigns++ > 0) budget.failures++
  budget.lastResigned = decision.action === 'resign'
  const at = platform.now() + delayMs
  store.dispatch({ type: 'retry-scheduled', id, at, error: error.toJSON(), waitingForNetwork: false })
  const file = current(ctx, id)
  if (file) ctx.emitter.emit('retry-scheduled', { file, error, attempt: file.attempt + 1, delayMs, at })
  await sleep(delayMs, signal, platform.timers())
  await ctx.waitOnline(signal)
  return true
}
