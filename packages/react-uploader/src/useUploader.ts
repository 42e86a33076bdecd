'use client'
import type { AddFilesResult, Uploader, UploaderOptions, UploaderSnapshot } from '@upkit/uploader-core'
import { useMemo } from 'react'
import { type InstanceOptions, useUploaderInstance } from './useUploaderInstance.js'
import { type Equality, type Selector, useUploaderState } from './useUploaderState.js'

/** Commands that reach the current engine; safe to call before it exists (they do nothing then). */
export interface UploaderCommands {
  addFiles(files: Iterable<File | Blob> | ArrayLike<File | Blob>): Promise<AddFilesResult>
  upload(): Promise<void>
  cancel(id: string): void
  cancelAll(): void
  retry(id: string): void
  retryAll(): void
  remove(id: string): void
}

export interface UseUploaderResult<T> extends UploaderCommands {
  /** The selected state (the whole snapshot without a selector). */
  state: T
  /** The engine, or null before it is created (first render, server). */
  uploader: Uploader | null
}

export interface UseUploaderOptions<T> extends InstanceOptions {
  /** Compares selections; re-render only when it returns false. @default shallow equality */
  isEqual?: Equality<T>
}

const NOTHING_ADDED: AddFilesResult = Object.freeze({ added: [], rejected: [] })

function commandsFor(uploader: Uploader | null): UploaderCommands {
  return {
    addFiles: (files) => (uploader ? uploader.addFiles(files) : Promise.resolve(NOTHING_ADDED)),
    upload: () => (uploader ? uploader.upload() : Promise.resolve()),
    cancel: (id) => uploader?.cancel(id),
    cancelAll: () => uploader?.cancelAll(),
    retry: (id) => uploader?.retry(id),
    retryAll: () => uploader?.retryAll(),
    remove: (id) => uploader?.remove(id),
  }
}

/**
 * The engine for a component plus its state. Pass options (an engine is created, StrictMode-safe,
 * and destroyed on unmount) or an existing `Uploader` (used as is, never destroyed here).
 *
 * @example
 * const { state: done, addFiles } = useUploader({ publicKey, auth: '/api/imagekit/auth' }, (s) => s.counts.success)
 */
export function useUploader<T = UploaderSnapshot>(
  optionsOrUploader: UploaderOptions | Uploader,
  selector?: Selector<T>,
  options: UseUploaderOptions<T> = {},
): UseUploaderResult<T> {
  const instanceOptions: InstanceOptions = {}
  if (options.keepUploadsOnUnmount !== undefined)
    instanceOptions.keepUploadsOnUnmount = options.keepUploadsOnUnmount
  const uploader = useUploaderInstance(optionsOrUploader, instanceOptions)
  const state = useUploaderState(uploader, selector, options.isEqual)
  const commands = useMemo(() => commandsFor(uploader), [uploader])
  return { ...commands, state, uploader }
}
