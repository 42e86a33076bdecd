import type { FileState, Uploader } from '../types.js'
import {
  COPIED_NOTE_MS,
  canPreview,
  classNames,
  copyLink,
  copyNote,
  cx,
  errorText,
  fileLink,
  fileStatusLabel,
  formatBytes,
  formatPercent,
  progressValue,
  showsProgress,
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
  /** The clock for "retrying in 5 s" countdowns and the stall hint. */
  now(): number
}

/**
 * One file row (the same tree as React's `<FileRow>`): thumbnail, name (a link once stored), size,
 * progress bar, status, error, copy note and buttons. Updated in place; an image preview's object URL
 * is revoked and the note's timer stopped on `destroy()`.
 */
export class FileRow implements KeyedRow<FileState> {
  readonly element: HTMLLIElement
  readonly #context: RowContext
  readonly #objectUrl: string | null
  readonly #main: HTMLDivElement
  readonly #name: HTMLSpanElement
  readonly #link: HTMLAnchorElement
  readonly #size: HTMLSpanElement
  readonly #progress: HTMLProgressElement
  readonly #status: HTMLSpanElement
  readonly #error: HTMLSpanElement
  readonly #note: HTMLSpanElement
  readonly #actions: RowActions
  #file: FileState | null = null
  #noteTimer: ReturnType<typeof setTimeout> | undefined

  constructor(file: FileState, context: RowContext) {
    const { doc } = context
    this.#context = context
    this.#objectUrl = previewUrl(file)
    this.#name = createElement(doc, 'span', { class: classNames.fileName })
    this.#link = createElement(doc, 'a', {
      class: cx(classNames.fileName, classNames.fileLink),
      target: '_blank',
      rel: 'noopener',
    })
    this.#size = createElement(doc, 'span', { class: classNames.fileSize })
    this.#progress = createElement(doc, 'progress', { class: classNames.progress, max: 100 })
    this.#status = createElement(doc, 'span', { class: classNames.fileStatus })
    this.#error = createElement(doc, 'span', { class: classNames.fileError })
    this.#note = createElement(doc, 'span', { class: classNames.fileNote, 'aria-live': 'polite' })
    this.#main = createElement(doc, 'div', { class: classNames.fileMain })
    this.#actions = new RowActions(doc, file, context.uploader, context.messages, () => void this.#copy())
    this.element = createElement(doc, 'li', { class: classNames.file }, [
      this.#thumbnail(doc),
      this.#main,
      this.#actions.element,
    ])
    this.update(file)
  }

  update(file: FileState): void {
    // Unchanged files skip the work, except for a running countdown or a stall to notice.
    if (file === this.#file && file.status !== 'retrying' && file.status !== 'uploading') return
    this.#file = file
    const { messages } = this.#context
    setAttribute(this.element, 'data-status', file.status)
    const parts: HTMLElement[] = [this.#nameElement(file), this.#size]
    // a link's size is unknown until ImageKit stored it
    const unknown = file.url !== undefined && file.size === 0
    setText(this.#size, unknown ? '' : formatBytes(file.size, this.#context.intl))
    if (showsProgress(file)) parts.push(this.#updateProgress(file))
    setText(this.#status, this.#statusText(file))
    parts.push(this.#status)
    if (file.status === 'error' && file.error !== undefined) {
      setText(this.#error, errorText(file.error, messages))
      parts.push(this.#error)
    }
    if (fileLink(file) !== null) parts.push(this.#note)
    syncChildren(this.#main, parts)
    this.#actions.update(file)
  }

  destroy(): void {
    clearTimeout(this.#noteTimer)
    if (this.#objectUrl !== null) URL.revokeObjectURL(this.#objectUrl)
  }

  /** The name, as a link to the stored file once there is one. */
  #nameElement(file: FileState): HTMLElement {
    const url = fileLink(file)
    const element = url === null ? this.#name : this.#link
    setText(element, file.name)
    if (url !== null) {
      setAttribute(this.#link, 'href', url)
      setAttribute(
        this.#link,
        'aria-label',
        viewText(this.#context.messages, 'openFile', { name: file.name }),
      )
    }
    return element
  }

  /** Copy link: the URL on the clipboard and "Link copied" for a while, or the link to copy by hand. */
  async #copy(): Promise<void> {
    const url = this.#file && fileLink(this.#file)
    if (!url) return
    const outcome = await copyLink(url)
    clearTimeout(this.#noteTimer)
    setText(this.#note, copyNote(outcome, url, this.#context.messages))
    if (outcome === 'copied') this.#noteTimer = setTimeout(() => setText(this.#note, ''), COPIED_NOTE_MS)
  }

  #updateProgress(file: FileState): HTMLProgressElement {
    const { messages, intl } = this.#context
    const progress = this.#progress
    const value = progressValue(file)
    setAttribute(progress, 'value', value)
    setAttribute(progress, 'aria-label', viewText(messages, 'progressFile', { name: file.name }))
    setAttribute(progress, 'aria-valuetext', value === undefined ? undefined : formatPercent(value, intl))
    return progress
  }

  #statusText(file: FileState): string {
    const { messages, intl } = this.#context
    const now = file.status === 'retrying' || file.status === 'uploading' ? this.#context.now() : 0
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
