'use client'
import type { FileState, UploaderOptions, UploadParams } from '@upkit/uploader-core'

type Latest = { readonly current: UploaderOptions }

const FORWARDED = ['xhr', 'fetch', 'now', 'random'] as const

/**
 * A key that changes only when an option that needs a new engine changes. Functions count by
 * presence only and `params`/`getParams` not at all: they are read through
 * {@link stableEngineOptions}, which always reaches the latest props, so an inline callback or a new
 * folder never recreates the engine (and never loses the file list).
 */
export function engineOptionsKey(options: UploaderOptions): string {
  const { params: _params, getParams: _getParams, ...rest } = options
  return JSON.stringify(rest, (_key, value: unknown) => (typeof value === 'function' ? 'ƒ' : value))
}

/** Per-file params over shared params; an explicit `undefined` does not erase (as the engine does). */
function latestParams(latest: Latest, file: FileState): UploadParams {
  const merged: Record<string, unknown> = { ...latest.current.params }
  for (const [key, value] of Object.entries(latest.current.getParams?.(file) ?? {})) {
    if (value !== undefined) merged[key] = value
  }
  return merged as UploadParams
}

function forward(latest: Latest, name: string) {
  return (...args: unknown[]) => {
    const fn = (latest.current as unknown as Record<string, (...a: unknown[]) => unknown>)[name]
    return fn?.(...args)
  }
}

/** The options to create an engine with: plain values as given, functions forwarding to the latest. */
export function stableEngineOptions(latest: Latest): UploaderOptions {
  const { params: _params, getParams: _getParams, ...options } = latest.current
  const stable: Record<string, unknown> = {
    ...options,
    getParams: (file: FileState) => latestParams(latest, file),
  }
  for (const name of FORWARDED) if (typeof options[name] === 'function') stable[name] = forward(latest, name)
  if (typeof options.auth === 'function') stable.auth = forward(latest, 'auth')
  else if (typeof options.auth === 'object' && typeof options.auth.headers === 'function') {
    const latestHeaders = () => {
      const auth = latest.current.auth
      const headers = typeof auth === 'object' ? auth.headers : undefined
      return typeof headers === 'function' ? headers() : (headers ?? {})
    }
    stable.auth = { ...options.auth, headers: latestHeaders }
  }
  const validate = options.restrictions?.validate
  if (validate) {
    stable.restrictions = {
      ...options.restrictions,
      validate: (file: File | Blob) => (latest.current.restrictions?.validate ?? validate)(file),
    }
  }
  return stable as unknown as UploaderOptions
}
