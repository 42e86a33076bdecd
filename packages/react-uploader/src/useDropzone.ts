'use client'
import type { Uploader } from '@upkit/uploader-core'
import { type HTMLAttributes, type InputHTMLAttributes, useCallback, useEffect, useRef } from 'react'
import { type DropzoneInputProps, type DropzoneRootProps, inputProps, rootProps } from './dropzoneProps.js'
import { useDocumentPaste } from './useDocumentPaste.js'
import { useDragState } from './useDragState.js'

export type { DropzoneInputProps, DropzoneRootProps } from './dropzoneProps.js'

export interface UseDropzoneOptions {
  /** Receives every batch of chosen, dropped or pasted files. @default uploader.addFiles */
  onFiles?: (files: File[]) => void
  /** Where files go when `onFiles` is not given. */
  uploader?: Uploader | null
  /** @default false */
  disabled?: boolean
  /** @default true */
  multiple?: boolean
  /** The input's `accept` (e.g. from `acceptAttribute(allowedFileTypes)`). */
  accept?: string | undefined
  /** Open the camera on mobile: `true`, `'user'` (front) or `'environment'` (back). @default undefined */
  capture?: boolean | 'user' | 'environment' | undefined
  /** Also add files pasted anywhere on the page (outside text fields). @default false */
  pasteOnDocument?: boolean
}

export interface DropzoneState {
  /** Spread on any element: makes it a keyboard-operable drop zone (click, Enter, Space, drop, paste). */
  getRootProps(props?: HTMLAttributes<HTMLElement>): DropzoneRootProps
  /** Spread on an `<input>`: the real, hidden file input the zone opens. */
  getInputProps(props?: InputHTMLAttributes<HTMLInputElement>): DropzoneInputProps
  /** True while files are dragged over the zone. */
  isDragActive: boolean
  /** Opens the browser's file chooser. */
  open(): void
}

/** Headless drop zone: prop getters for your own elements. */
export function useDropzone(options: UseDropzoneOptions = {}): DropzoneState {
  const { disabled = false, multiple = true, accept, capture, uploader, onFiles } = options
  const inputRef = useRef<HTMLInputElement | null>(null)
  const drag = useDragState(disabled)
  // Files that came before the engine (it is created in an effect): kept, not dropped.
  const pending = useRef<File[]>([])
  const deliver = useCallback(
    (files: File[]) => {
      if (disabled || files.length === 0) return
      const chosen = multiple ? files : files.slice(0, 1)
      if (onFiles) onFiles(chosen)
      else if (uploader) void uploader.addFiles(chosen)
      else pending.current.push(...chosen)
    },
    [disabled, multiple, onFiles, uploader],
  )
  useEffect(() => {
    if (!uploader || onFiles) return
    // A file picked in server-rendered HTML before hydration never fired React's onChange: the
    // input still holds it (every delivered choice resets the input).
    const input = inputRef.current
    const early = [...pending.current, ...Array.from(input?.files ?? [])]
    pending.current = []
    if (input?.files?.length) input.value = ''
    if (early.length > 0) deliver(early)
  }, [uploader, onFiles, deliver])
  useDocumentPaste(Boolean(options.pasteOnDocument) && !disabled, deliver)
  const open = useCallback(() => {
    if (!disabled) inputRef.current?.click()
  }, [disabled])
  const parts = { inputRef, drag, deliver, open, disabled, multiple, accept, capture }
  return {
    getRootProps: (props = {}) => rootProps(parts, props),
    getInputProps: (props = {}) => inputProps(parts, props),
    isDragActive: drag.isDragActive,
    open,
  }
}
