import { collectDroppedFiles } from '../view/index.js'
import type { LinkField } from './link-field.js'

/** What {@link bindDropzone} wires together. */
export interface DropzoneBinding {
  /** The focusable drop zone (click, Enter, Space, drag and drop, paste while focused). */
  zone: HTMLElement
  /** The real, hidden file input the zone opens. */
  input: HTMLInputElement
  /** Called with every batch of files chosen, dropped or pasted. */
  onFiles: (files: File[]) => void
  /** Called when files start or stop being dragged over the zone. */
  onDragActive: (active: boolean) => void
  /** Also take files pasted anywhere on the page (outside text fields). */
  pasteOnDocument: boolean
  disabled: boolean
  /** "Add from a link" (`allowUrls`), and what adds a link (`uploader.addUrl`). */
  link?: LinkField | undefined
  onUrl?: (url: string) => Promise<unknown>
}

/**
 * Binds browse (click, Enter, Space), drag and drop (with a drag-over state; folders are walked) and
 * paste, exactly as `useDropzone` does for React. Returns a function that removes every listener.
 */
export function bindDropzone(binding: DropzoneBinding): () => void {
  const controller = new AbortController()
  const { signal } = controller
  const { zone, input, disabled } = binding
  const deliver = (files: File[]) => {
    if (!disabled && !signal.aborted && files.length > 0) binding.onFiles(files)
  }
  const open = () => {
    if (!disabled) input.click()
  }
  zone.addEventListener('click', (event) => event.target !== input && open(), { signal })
  zone.addEventListener('keydown', (event) => onKeyDown(event, open), { signal })
  input.addEventListener('change', () => deliver(takeFiles(input)), { signal })
  bindDrag(binding, deliver, signal)
  if (binding.link && binding.onUrl) bindLink(binding.link, binding.onUrl, signal)
  zone.addEventListener('paste', (event) => onPaste(event, deliver), { signal })
  const doc = zone.ownerDocument
  if (binding.pasteOnDocument && !disabled) {
    doc.addEventListener('paste', (event) => onDocumentPaste(event, deliver), { signal })
  }
  return () => controller.abort()
}

/**
 * Enter or Add: the link goes in and the field empties; a refusal shows under it, focus back in it
 * (an answer after unmount lands on detached elements, which is harmless).
 */
function bindLink(link: LinkField, onUrl: (url: string) => Promise<unknown>, signal: AbortSignal): void {
  const { input } = link
  const submit = (event: Event) => {
    event.preventDefault()
    onUrl(input.value).then(
      () => {
        input.value = ''
        link.showError('')
      },
      (error: Error) => {
        link.showError(error.message)
        input.focus()
      },
    )
  }
  link.element.addEventListener('submit', submit, { signal })
}

function onKeyDown(event: KeyboardEvent, open: () => void): void {
  if (event.target !== event.currentTarget || (event.key !== 'Enter' && event.key !== ' ')) return
  event.preventDefault()
  open()
}

/** The chosen files; the input is reset so choosing the same file again fires `change` again. */
function takeFiles(input: HTMLInputElement): File[] {
  const files = Array.from(input.files ?? [])
  input.value = ''
  return files
}

function bindDrag(binding: DropzoneBinding, deliver: (files: File[]) => void, signal: AbortSignal): void {
  const { zone, disabled, onDragActive } = binding
  let depth = 0
  const listen = <K extends keyof HTMLElementEventMap>(
    type: K,
    fn: (event: HTMLElementEventMap[K]) => void,
  ) => zone.addEventListener(type, fn, { signal })
  listen('dragenter', (event) => {
    if (disabled || !carriesFiles(event)) return
    event.preventDefault()
    if (depth++ === 0) onDragActive(true)
  })
  listen('dragover', (event) => {
    if (disabled || !carriesFiles(event)) return
    event.preventDefault()
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
  })
  // Moving over a child fires `dragleave` on the parent: count enter/leave pairs.
  listen('dragleave', () => {
    depth = Math.max(0, depth - 1)
    if (depth === 0) onDragActive(false)
  })
  listen('drop', (event) => {
    event.preventDefault()
    if (depth > 0) onDragActive(false)
    depth = 0
    if (!disabled) void collectDroppedFiles(event.dataTransfer).then(deliver)
  })
}

function carriesFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types
  return !types || Array.from(types).includes('Files')
}

function onPaste(event: ClipboardEvent, deliver: (files: File[]) => void): void {
  const files = Array.from(event.clipboardData?.files ?? [])
  if (files.length === 0) return
  event.preventDefault()
  deliver(files)
}

function onDocumentPaste(event: ClipboardEvent, deliver: (files: File[]) => void): void {
  if (event.defaultPrevented || isEditable(event.target)) return
  onPaste(event, deliver)
}

function isEditable(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  if (!element || typeof element.tagName !== 'string') return false
  return element.isContentEditable || element.tagName === 'INPUT' || element.tagName === 'TEXTAREA'
}
