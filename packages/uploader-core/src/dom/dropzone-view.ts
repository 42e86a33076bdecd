import { classNames, cx, type ViewMessages, viewText } from '../view/index.js'
import { createElement, createIcon, setAttribute } from './element.js'
import { LinkField } from './link-field.js'

const UPLOAD_ICON =
  'M11 15.6V6.4L7.7 9.7 6.3 8.3 12 2.6l5.7 5.7-1.4 1.4L13 6.4v9.2h-2ZM4 21.4v-6h2v4h12v-4h2v6H4Z'

/** How the drop zone is drawn. */
export interface DropzoneViewOptions {
  /** Id prefix, for `aria-describedby`. */
  id: string
  messages: ViewMessages
  disabled: boolean
  multiple: boolean
  accept: string | undefined
  capture: boolean | 'user' | 'environment' | undefined
  /** Draw the "Add from a link" field after the zone. */
  allowUrls: boolean
}

/**
 * The drop zone's elements (the same tree as React's `<DropZone>`): a focusable `role=button` with
 * an icon, the prompt with a "browse" word, the paste hint and the real, hidden file input.
 */
export class DropzoneView {
  readonly element: HTMLDivElement
  readonly input: HTMLInputElement
  /** "Add from a link", with `allowUrls` (a sibling of the zone: no field inside a `role=button`). */
  readonly link: LinkField | undefined
  readonly #title: HTMLSpanElement
  readonly #prompt: readonly Node[]
  readonly #activeText: string
  readonly #disabled: boolean

  constructor(doc: Document, options: DropzoneViewOptions) {
    const { id, messages, disabled } = options
    this.#disabled = disabled
    this.#activeText = viewText(messages, 'dropActive')
    this.#prompt = [
      doc.createTextNode(viewText(messages, 'dropPrompt')),
      doc.createTextNode(' '),
      createElement(doc, 'span', { class: classNames.browse }, [viewText(messages, 'browse')]),
    ]
    this.#title = createElement(doc, 'span', { class: classNames.dropzoneTitle }, this.#prompt)
    this.input = createInput(doc, options)
    this.link = options.allowUrls ? new LinkField(doc, { id, messages, disabled }) : undefined
    this.element = createElement(
      doc,
      'div',
      {
        role: 'button',
        tabindex: disabled ? -1 : 0,
        'aria-disabled': disabled ? 'true' : undefined,
        'aria-describedby': `${id}-hint`,
      },
      [
        createIcon(doc, UPLOAD_ICON, { class: classNames.dropzoneIcon, viewBox: '0 0 24 24' }),
        this.#title,
        createElement(doc, 'span', { class: classNames.dropzoneHint, id: `${id}-hint` }, [
          viewText(messages, 'pasteHint'),
        ]),
        this.input,
      ],
    )
    this.setDragActive(false)
  }

  /** Shows the drag-over state: the active class and "Drop the files to add them". */
  setDragActive(active: boolean): void {
    const className = cx(
      classNames.dropzone,
      active && classNames.dropzoneActive,
      this.#disabled && classNames.dropzoneDisabled,
    )
    setAttribute(this.element, 'class', className)
    if (active) this.#title.replaceChildren(this.#activeText)
    else if (this.#title.firstChild !== this.#prompt[0]) this.#title.replaceChildren(...this.#prompt)
  }
}

function createInput(doc: Document, options: DropzoneViewOptions): HTMLInputElement {
  const input = createElement(doc, 'input', {
    class: classNames.input,
    'aria-label': viewText(options.messages, 'browseFiles'),
    type: 'file',
    hidden: true,
    tabindex: -1,
    multiple: options.multiple,
    disabled: options.disabled,
    accept: options.accept,
    capture: options.capture === true ? '' : options.capture,
  })
  return input
}
