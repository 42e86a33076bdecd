import { classNames, cx, type ViewMessages, viewText } from '../view/index.js'
import { createButton, createElement, setAttribute } from './element.js'

/** A problem (a refused file, a failed delete) or a notice ("“a.png” was deleted."). */
export type MessageTone = 'error' | 'info'

/**
 * Restriction messages ("“big.mov” is too large (30 MB). Files can be at most 25 MB."), each with a
 * Dismiss button — the same tree as React's `<RejectionList>`. Shown only while there are messages.
 */
export class RejectionList {
  readonly element: HTMLUListElement
  readonly #doc: Document
  readonly #messages: ViewMessages
  readonly #onChange: () => void

  /** @param onChange called after a message was added or dismissed (the widget re-places the list). */
  constructor(doc: Document, messages: ViewMessages, onChange: () => void) {
    this.#doc = doc
    this.#messages = messages
    this.#onChange = onChange
    this.element = createElement(doc, 'ul', { class: classNames.messages })
    setAttribute(this.element, 'aria-label', viewText(messages, 'messageList'))
  }

  get isEmpty(): boolean {
    return this.element.childElementCount === 0
  }

  /** Adds one message (the text is a text node: file names never become markup). */
  add(text: string, tone: MessageTone = 'error'): void {
    const dismiss = () => {
      item.remove()
      this.#onChange()
    }
    const item = createElement(
      this.#doc,
      'li',
      { class: cx(classNames.message, tone === 'info' && classNames.messageInfo) },
      [
        createElement(this.#doc, 'span', { class: classNames.messageText }, [text]),
        createButton(this.#doc, viewText(this.#messages, 'dismiss'), dismiss, {
          class: classNames.button,
          'aria-label': viewText(this.#messages, 'dismissMessage'),
        }),
      ],
    )
    this.element.append(item)
    this.#onChange()
  }
}
