import type { Uploader } from '../types.js'
import { classNames, cx, type ViewMessages, viewText } from '../view/index.js'
import { createButton, createElement, setText } from './element.js'

/** Its class (not in the shared `classNames` yet). */
export const RESTORED_CLASS = 'upkit-restored'

/**
 * "Your last visit left 3 uploads unfinished." with Resume and Discard: shown while a `persist`
 * queue holds files from the last visit (`snapshot.restored > 0`). The live region announces it.
 */
export class RestoredNotice {
  readonly element: HTMLDivElement
  readonly #text: HTMLSpanElement
  readonly #messages: ViewMessages

  constructor(doc: Document, uploader: Uploader, messages: ViewMessages) {
    this.#messages = messages
    this.#text = createElement(doc, 'span', { class: `${RESTORED_CLASS}-text` })
    const resume = createButton(
      doc,
      viewText(messages, 'resumeRestored'),
      () => void uploader.resumeRestored(),
      {
        class: cx(classNames.button, classNames.buttonPrimary),
      },
    )
    const discard = createButton(
      doc,
      viewText(messages, 'discardRestored'),
      () => void uploader.discardRestored(),
      { class: classNames.button },
    )
    this.element = createElement(doc, 'div', { class: RESTORED_CLASS }, [
      this.#text,
      createElement(doc, 'div', { class: classNames.actions }, [resume, discard]),
    ])
  }

  /** The notice's text for `count` files. */
  text(count: number): string {
    return viewText(this.#messages, 'restoredNotice', { count })
  }

  /** Updates the count; returns false when the notice should not be shown. */
  update(count: number): boolean {
    if (count <= 0) return false
    setText(this.#text, this.text(count))
    return true
  }
}
