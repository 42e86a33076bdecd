'use client'
import {
  createUploader,
  isUploadError,
  type UploadError,
  type Uploader,
  type UploaderOptions,
} from '@upkit/uploader-core'
import { useEffect, useRef, useState } from 'react'
import { engineOptionsKey, stableEngineOptions } from './engineOptions.js'
import { isUploader } from './isUploader.js'

export interface InstanceOptions {
  /** Let running uploads finish after unmount (the engine is destroyed once they are done). @default false */
  keepUploadsOnUnmount?: boolean
}

/**
 * Stops an engine we created. Uploads are cancelled, unless they should be kept: then the engine
 * lives until its uploads complete and is destroyed after that.
 */
function release(uploader: Uploader, keepUploads: boolean): void {
  if (!keepUploads || !uploader.getSnapshot().isUploading) {
    uploader.destroy()
    return
  }
  const off = uploader.on('complete', () => {
    off()
    // Deferred: the engine emits `complete` before the last file's `upload-success` (reported).
    setTimeout(() => uploader.destroy(), 0)
  })
}

/** The engine of {@link useEngine}, or the error `createUploader` refused its options with (the engine is null then). */
export interface EngineInstance {
  uploader: Uploader | null
  error: UploadError | null
}

/**
 * The engine behind a component: the one passed in (never destroyed here), or one created from
 * options. It is created in an effect, so StrictMode's mount → unmount → mount pairs every create
 * with a destroy and only the surviving engine ever gets files; server rendering creates nothing.
 * A change to an option that needs a new engine (see `engineOptionsKey`) replaces it. Options that
 * `createUploader` refuses give `error` instead of an engine, until they change.
 */
export function useEngine(
  source: UploaderOptions | Uploader,
  { keepUploadsOnUnmount = false }: InstanceOptions = {},
): EngineInstance {
  const external = isUploader(source) ? source : null
  const latest = useRef<UploaderOptions | null>(null)
  const keep = useRef(keepUploadsOnUnmount)
  const [owned, setOwned] = useState<Uploader | null>(null)
  const [refused, setRefused] = useState<{ key: string; error: UploadError } | null>(null)
  const key = external ? null : engineOptionsKey(source as UploaderOptions)

  useEffect(() => {
    if (!external) latest.current = source as UploaderOptions
    keep.current = keepUploadsOnUnmount
  })

  useEffect(() => {
    if (key === null) return undefined
    let uploader: Uploader
    try {
      uploader = createUploader(stableEngineOptions(latest as { current: UploaderOptions }))
    } catch (error) {
      // A developer's mistake in the options: reported, not thrown at the page (only UploadErrors).
      if (!isUploadError(error)) throw error
      setRefused({ key, error })
      return undefined
    }
    setOwned(uploader)
    return () => {
      setOwned((current) => (current === uploader ? null : current))
      release(uploader, keep.current)
    }
  }, [key])

  const error = refused !== null && refused.key === key ? refused.error : null
  return { uploader: external ?? (error ? null : owned), error }
}

/** {@link useEngine} for the headless hooks: options that `createUploader` refuses are thrown (a developer's mistake). */
export function useUploaderInstance(
  source: UploaderOptions | Uploader,
  options: InstanceOptions = {},
): Uploader | null {
  const { uploader, error } = useEngine(source, options)
  if (error) throw error
  return uploader
}
