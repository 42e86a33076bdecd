/** Attributes for {@link createElement}; `false`/`undefined` leave the attribute off. */
export type Attributes = Record<string, string | number | boolean | undefined>

/**
 * Creates an element with attributes and children. Strings become text nodes, never markup, so user
 * data (file names, server messages) cannot inject HTML.
 */
export function createElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Attributes = {},
  children: ReadonlyArray<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) setAttribute(element, name, value)
  for (const child of children) element.append(typeof child === 'string' ? doc.createTextNode(child) : child)
  return element
}

/** Sets, changes or removes one attribute, touching the DOM only when the value differs. */
export function setAttribute(
  element: Element,
  name: string,
  value: string | number | boolean | undefined,
): void {
  if (value === undefined || value === false) {
    if (element.hasAttribute(name)) element.removeAttribute(name)
    return
  }
  const text = value === true ? '' : String(value)
  if (element.getAttribute(name) !== text) element.setAttribute(name, text)
}

/** Replaces an element's text, touching the DOM only when it differs. */
export function setText(node: Node, text: string): void {
  if (node.textContent !== text) node.textContent = text
}

/** Shows or hides an element with the `hidden` attribute. */
export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden
}

/**
 * Makes `parent`'s children exactly `children`, in order: missing ones are inserted, extra ones
 * removed, and a node is moved only when it is out of place (so a focused node that stays keeps focus).
 */
export function syncChildren(parent: Node, children: readonly Node[]): void {
  const wanted = new Set(children)
  for (const node of Array.from(parent.childNodes)) if (!wanted.has(node)) node.remove()
  let previous: Node | null = null
  for (const child of children) {
    const expected: Node | null = previous ? previous.nextSibling : parent.firstChild
    if (expected !== child) parent.insertBefore(child, expected)
    previous = child
  }
}

const SVG = 'http://www.w3.org/2000/svg'

/** A decorative icon: `<svg aria-hidden focusable=false><path d/></svg>`. */
export function createIcon(doc: Document, path: string, attributes: Attributes = {}): SVGSVGElement {
  const svg = doc.createElementNS(SVG, 'svg')
  for (const [name, value] of Object.entries(attributes)) setAttribute(svg, name, value)
  setAttribute(svg, 'aria-hidden', 'true')
  setAttribute(svg, 'focusable', 'false')
  const shape = doc.createElementNS(SVG, 'path')
  shape.setAttribute('fill', 'currentColor')
  shape.setAttribute('d', path)
  svg.append(shape)
  return svg
}

/** A `<button type=button>` with a text and a click handler (removed with the button). */
export function createButton(
  doc: Document,
  text: string,
  onClick: () => void,
  attributes: Attributes = {},
): HTMLButtonElement {
  const button = createElement(doc, 'button', { type: 'button', ...attributes }, [text])
  button.addEventListener('click', onClick)
  return button
}
