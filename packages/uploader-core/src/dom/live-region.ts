import { classNames, cx } from '../view/index.js'
import { createElement, setText } from './element.js'

/** The polite live region (`role=status`): screen readers read its text when it changes. */
export class LiveRegion {
  readonly element: HTMLDivElement

  constructor(doc: Document) {
    this.element = createElement(doc, 'div', {
      class: cx(classNames.live, classNames.srOnly),
      role: 'status',
      'aria-live': 'polite',
      'aria-atomic': 'true',
    })
  }

  /**
   * Says `text` (replacing what was said before). Screen readers skip a live region whose text did not
   * change, so a repeat is varied invisibly, as in the React widget.
   */
  say(text: string): void {
    const current = this.element.textContent ?? ''
    setText(this.element, text === current ? `${text}\u00a0` : text)
  }
}
