import type { FileState, Uploader } from '../types.js'
import { classNames, fileActions, type ViewMessages, viewText } from '../view/index.js'
import { createButton, createElement, syncChildren } from './element.js'

type Action = 'cancel' | 'retry' | 'copy' | 'remove'

const ORDER: readonly Action[] = ['cancel', 'retry', 'copy', 'remove']
const TEXTS = { cancel: 'cancel', retry: 'retry', copy: 'copyLink', remove: 'remove' } as const
const LABELS = {
  cancel: 'cancelFile',
  retry: 'retryFile',
  copy: 'copyLinkFile',
  remove: 'removeFile',
} as const

/**
 * A row's Cancel / Retry / Copy link / Remove buttons ("Cancel photo.png" for screen readers). Each
 * button is created once and kept while it applies, so a focused button stays focused across updates
 * (see FocusRescue for when it goes away).
 */
export class RowActions {
  readonly element: HTMLDivElement
  readonly #buttons: Record<Action, HTMLButtonElement>

  /** @param onCopy Copy link was pressed (the row copies and shows the outcome). */
  constructor(
    doc: Document,
    file: FileState,
    uploader: Uploader,
    messages: ViewMessages,
    onCopy: () => void,
  ) {
    this.element = createElement(doc, 'div', { class: classNames.fileActions })
    const button = (action: Action, onClick: () => void) =>
      createButton(doc, viewText(messages, TEXTS[action]), onClick, {
        class: classNames.button,
        'aria-label': viewText(messages, LABELS[action], { name: file.name }),
      })
    this.#buttons = {
      cancel: button('cancel', () => uploader.cancel(file.id)),
      retry: button('retry', () => uploader.retry(file.id)),
      copy: button('copy', onCopy),
      remove: button('remove', () => uploader.remove(file.id)),
    }
  }

  /** Shows the buttons that apply to the file now. */
  update(file: FileState): void {
    const shown = fileActions(file)
    syncChildren(
      this.element,
      ORDER.filter((action) => shown[action]).map((action) => this.#buttons[action]),
    )
  }
}
