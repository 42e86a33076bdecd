import type { FileState, Uploader } from '../types.js'
import {
  canPreview,
  classNames,
  cx,
  errorText,
  fileStatusLabel,
  formatBytes,
  formatPercent,
  type ViewMessages,
  viewText,
} from '../view/index.js'
import { createElement, createIcon, setAttribute, setText, syncChildren } from './element.js'
import type { KeyedRow } from './keyed-list.js'
import { RowActions } from './row-actions.js'

const FILE_ICON = 'M6 2h8l6 6v12a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Zm7 1.5V9h5.5L13 3.5Z'

/** What every row needs from the widget. */
export interface RowContext {
  readonly doc: Document
  readonly uploader: Uploader
  readonly messages: ViewMessages
  readonly intl: string | undefined
  /** The clock for "Retrying in 5s" countdowns. */
  now(): number
}

/**
 * One file row (the same tree as React's `<FileRow>`): thumbnail, name, size, progress bar, status,
 * error and buttons. Updated in place; an image preview's object URL is revoked on `destroy()`.
 */
export class FileRow implements KeyedRow<FileState> {
  readonly element: HTMLLIElement
  readonly #context: RowContext
  readonly #objectUrl: string | null
  readonly #main: HTMLDivElement
  readonly #name: HTMLSpanElement
  readonly #size: HTMLSpanElement
  readonly #progress: HTMLProgressElement
  readonly #status: HTMLSpanElement
  readonly #error: HTMLSpanElement
  readonly #actions: RowActions
  #file: FileState | null = null

  constructor(file: FileState, context: RowContext) {
    const { doc } = context
    this.#context = context
    this.#objectUrl = previewUrl(file)
    this.#name = createElement(doc, 'span', { class: classNames.fileName })
    this.#size = createElement(doc, 'span', { class: classNames.fileSize })
    this.#progress = createElement(doc, 'progress', { class: classNames.progress, max: 100 })
    this.#status = createElement(doc, 'span', { class: classNames.fileStatus })
    this.#error = createElement(doc, 'span', { class: classNames.fileError })
    this.#main = createElement(doc, 'div', { class: classNames.fileMain })
    this.#actions = new RowActions(doc, file, context.uploader, context.messages)
    this.element = createElement(doc, 'li', { class: classNames.file }, [
      this.#thumbnail(doc),
      this.#main,
      this.#actions.element,
    ])
    this.update(file)
  }

  update(file: FileState): void {
    // Unchanged files skip the work, except for a running retry countdown.
    if (file === this.#file && file.status !== 'retrying') return
    this.#file = file
    const { messages, intl } = this.#context
    setAttribute(this.element, 'data-status', file.status)
    setText(this.#name, file.name)
    setText(this.#size, formatBytes(file.size, intl))
    this.#updateProgress(file)
    setText(this.#status, this.#statusText(file))
    const failed = file.status === 'error' && file.error !== undefined
    if (failed) setText(this.#error, errorText(file.error, messages))
    const parts = [this.#name, this.#size, this.#progress, this.#status]
    syncChildren(this.#main, failed ? [...parts, this.#error] : parts)
    this.#actions.update(file)
  }

  destroy(): void {
    if (this.#objectUrl !== null) URL.revokeObjectURL(this.#objectUrl)
  }

  #updateProgress(file: FileState): void {
    const { messages, intl } = this.#context
    const progress = this.#progress
    setAttribute(progress, 'value', file.percent)
    setAttribute(progress, 'aria-label', viewText(messages, 'progressFile', { name: file.name }))
    setAttribute(progress, 'aria-valuetext', formatPercent(file.percent, intl))
  }

  #statusText(file: FileState): string {
    const { messages, intl } = this.#context
    const now = file.status === 'retrying' ? this.#context.now() : 0
    return fileStatusLabel(file, messages, { now, ...(intl ? { locale: intl } : {}) })
  }

  #thumbnail(doc: Document): HTMLElement {
    if (this.#objectUrl === null) {
      const icon = createElement(doc, 'span', {
        class: cx(classNames.thumb, classNames.thumbIcon),
        'aria-hidden': 'true',
      })
      icon.append(createIcon(doc, FILE_ICON, { viewBox: '0 0 24 24', width: 24, height: 24 }))
      return icon
    }
    return createElement(doc, 'img', {
      class: classNames.thumb,
      src: this.#objectUrl,
      alt: '',
      width: 44,
      height: 44,
      decoding: 'async',
    })
  }
}

/** An object URL for an image the browser can draw; none where object URLs do not exist. */
function previewUrl(file: FileState): string | null {
  return canPreview(file) && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file.data) : null
}
