import type { FileState, Uploader } from '../types.js'
import { classNames, fileActions, type ViewMessages, viewText } from '../view/index.js'
import { createButton, createElement, syncChildren } from './element.js'

type Action = 'cancel' | 'retry' | 'remove'

const ORDER: readonly Action[] = ['cancel', 'retry', 'remove']
const LABELS = { cancel: 'cancelFile', retry: 'retryFile', remove: 'removeFile' } as const

/**
 * A row's Cancel / Retry / Remove buttons ("Cancel photo.png" for screen readers). Each button is
 * created once and kept while it applies, so a focused button stays focused across updates (see
 * FocusRescue for when it goes away).
 */
export class RowActions {
  readonly element: HTMLDivElement
  readonly #buttons: Record<Action, HTMLButtonElement>

  constructor(doc: Document, file: FileState, uploader: Uploader, messages: ViewMessages) {
    this.element = createElement(doc, 'div', { class: classNames.fileActions })
    const button = (action: Action) =>
      createButton(doc, viewText(messages, action), () => uploader[action](file.id), {
        class: classNames.button,
        'aria-label': viewText(messages, LABELS[action], { name: file.name }),
      })
    this.#buttons = { cancel: button('cancel'), retry: button('retry'), remove: button('remove') }
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
