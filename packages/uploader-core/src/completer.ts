import type { ErrorFactory } from './localize.js'
import { type ResolvedRetry, retryDelay } from './retry-policy.js'
import { requestJson, type SignerOptions } from './signer.js'
import { sleep } from './sleep.js'
import type { AuthEndpoint, Signature, Timers } from './types.js'
import { isUploadError, type UploadError } from './upload-error.js'

/** The after-upload actions a signing route may offer (it lists them in `actions` on each signature). */
export type RouteAction = 'complete' | 'revert'

export interface Completer {
  /** `{ action: 'complete', fileId }`: the app's server records ImageKit's own file; resolves to its answer. */
  complete(fileId: string, signal: AbortSignal): Promise<unknown>
  /** `{ action: 'revert', fileId }`: the app's server deletes a file this user uploaded. */
  revert(fileId: string): Promise<void>
}

/** The actions a signature's route offers. */
export function offeredActions(signature: Signature | undefined): readonly RouteAction[] {
  const actions = (signature as { actions?: unknown } | undefined)?.actions
  return Array.isArray(actions)
    ? actions.filter((a): a is RouteAction => a === 'complete' || a === 'revert')
    : []
}

interface CompleterOptions extends SignerOptions {
  retry: ResolvedRetry
  random: () => number
  timers: () => Timers
  makeError: ErrorFactory
}

/** Calls the route's after-upload actions, with the signing route's retry rules (network, 429, 5xx). */
export function createCompleter(endpoint: AuthEndpoint, options: CompleterOptions): Completer {
  const post = async (payload: Record<string, string>, signal: AbortSignal) => {
    const route = { ...endpoint, method: 'POST' as const }
    for (let retry = 1; ; retry++) {
      try {
        return (await requestJson(route, 'POST', payload, signal, options)).body
      } catch (error) {
        if (!isUploadError(error) || !error.retryable || retry > options.retry.limit || signal.aborted)
          throw error
        const delay = retryDelay(retry, error.retryAfterMs, options.retry, options.random)
        await sleep(delay, signal, options.timers())
      }
    }
  }
  return {
    complete: async (fileId, signal) => {
      const body = (await post({ action: 'complete', fileId }, signal)) as { serverData?: unknown } | null
      return body?.serverData ?? null
    },
    revert: async (fileId) => {
      await post({ action: 'revert', fileId }, new AbortController().signal)
    },
  }
}

/** The plain-data error for a failed `complete` call (the file itself is stored in ImageKit). */
export const asFileError = (error: unknown, makeError: ErrorFactory): ReturnType<UploadError['toJSON']> =>
  (isUploadError(error) ? error : makeError('SIGNING_FAILED', { cause: error })).toJSON()
