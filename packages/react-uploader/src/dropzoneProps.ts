'use client'
import { collectDroppedFiles } from '@upkit/uploader-core/view'
import type {
  ChangeEvent,
  ClipboardEvent,
  DragEvent,
  HTMLAttributes,
  InputHTMLAttributes,
  KeyboardEvent,
  MouseEvent,
  RefObject,
} from 'react'
import { composeHandlers } from './composeHandlers.js'
import type { useDragState } from './useDragState.js'

export type DropzoneRootProps = HTMLAttributes<HTMLElement> & { tabIndex: number; role: string }
export type DropzoneInputProps = InputHTMLAttributes<HTMLInputElement> & {
  ref: RefObject<HTMLInputElement | null>
}

/** What the prop getters need from `useDropzone`. */
export interface DropzoneParts {
  inputRef: RefObject<HTMLInputElement | null>
  drag: ReturnType<typeof useDragState>
  deliver: (files: File[]) => void
  open: () => void
  disabled: boolean
  multiple: boolean
  accept: string | undefined
  capture: boolean | 'user' | 'environment' | undefined
}

function isActivation(event: KeyboardEvent): boolean {
  return event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')
}

/** Props for the zone element: a focusable button that opens the chooser and takes drops and pastes. */
export function rootProps(parts: DropzoneParts, props: HTMLAttributes<HTMLElement>): DropzoneRootProps {
  const { drag, deliver, open, disabled, inputRef } = parts
  return {
    ...props,
    role: props.role ?? 'button',
    tabIndex: disabled ? -1 : 0,
    'aria-disabled': disabled || undefined,
    onClick: composeHandlers(props.onClick, (event: MouseEvent) => {
      if (event.target !== inputRef.current) open()
    }),
    onKeyDown: composeHandlers(props.onKeyDown, (event: KeyboardEvent) => {
      if (!isActivation(event)) return
      event.preventDefault()
      open()
    }),
    onDragEnter: composeHandlers(props.onDragEnter, drag.onDragEnter),
    onDragOver: composeHandlers(props.onDragOver, drag.onDragOver),
    onDragLeave: composeHandlers(props.onDragLeave, drag.onDragLeave),
    onDrop: composeHandlers(props.onDrop, (event: DragEvent) => {
      event.preventDefault()
      drag.reset()
      if (!disabled) void collectDroppedFiles(event.dataTransfer).then(deliver)
    }),
    onPaste: composeHandlers(props.onPaste, (event: ClipboardEvent) => {
      const files = Array.from(event.clipboardData?.files ?? [])
      if (files.length === 0) return
      event.preventDefault()
      deliver(files)
    }),
  }
}

/** Props for the real, hidden `<input type="file">` the zone opens. */
export function inputProps(
  parts: DropzoneParts,
  props: InputHTMLAttributes<HTMLInputElement>,
): DropzoneInputProps {
  const { accept, capture } = parts
  return {
    ...props,
    ref: parts.inputRef,
    type: 'file',
    hidden: true,
    tabIndex: -1,
    multiple: parts.multiple,
    disabled: parts.disabled,
    ...(accept ? { accept } : {}),
    ...(capture ? { capture } : {}),
    // The input sits inside the zone: its own click must not bubble up and reopen the chooser.
    onClick: composeHandlers(props.onClick, (event: MouseEvent) => event.stopPropagation()),
    onChange: composeHandlers(props.onChange, (event: ChangeEvent<HTMLInputElement>) => {
      const files = Array.from(event.currentTarget.files ?? [])
      // Reset, so choosing the same file again fires `change` again.
      event.currentTarget.value = ''
      parts.deliver(files)
    }),
  }
}
