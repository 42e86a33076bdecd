import { classNames, type ViewMessages, viewText } from '../view/index.js'
import { createElement, setAttribute, setText } from './element.js'

/**
 * "Add from a link" (`allowUrls`), the same tree as React's `<DropZone allowUrls>`: a labelled URL
 * input and an Add button in a form (Enter submits), with the refusal's text under it, tied to the
 * input by `aria-describedby`. `novalidate`: our coded message, not the browser's bubble.
 */
export class LinkField {
  readonly element: HTMLFormElement
  readonly input: HTMLInputElement
  readonly #error: HTMLSpanElement
  readonly #errorId: string

  constructor(doc: Document, options: { id: string; messages: ViewMessages; disabled: boolean }) {
    const { id, messages, disabled } = options
    this.#errorId = `${id}-url-error`
    this.input = createElement(doc, 'input', {
      class: classNames.linkInput,
      id: `${id}-url`,
      type: 'url',
      disabled,
    })
    this.#error = createElement(doc, 'span', {
      class: classNames.linkError,
      id: this.#errorId,
      'aria-live': 'polite',
    })
    this.element = createElement(doc, 'form', { class: classNames.link, novalidate: true }, [
      createElement(doc, 'label', { for: `${id}-url` }, [viewText(messages, 'urlLabel')]),
      this.input,
      createElement(doc, 'button', { class: classNames.button, type: 'submit', disabled }, [
        viewText(messages, 'urlAdd'),
      ]),
      this.#error,
    ])
  }

  /** Shows why the link was refused ('' clears it) and marks the input invalid while it shows. */
  showError(text: string): void {
    setText(this.#error, text)
    setAttribute(this.input, 'aria-invalid', text ? 'true' : undefined)
    setAttribute(this.input, 'aria-describedby', text ? this.#errorId : undefined)
  }
}
