import { classNames } from './classNames.js'

/** A focused button and where it sat, remembered so focus can land nearby once it is gone. */
export interface FocusSpot {
  readonly button: HTMLElement
  /** The buttons' container (row actions, list actions, one message). */
  readonly group: Element | null
  readonly list: Element | null
  readonly index: number
}

const GROUPS = `.${classNames.fileActions}, .${classNames.actions}, .${classNames.message}`

function firstButton(container: Element | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>('button:not([disabled])') ?? null
}

/** Where `button` sits now: its group, its list item's list and index. */
export function rememberFocus(button: HTMLElement): FocusSpot {
  const item = button.closest('li')
  const list = item?.parentElement ?? null
  const index = item && list ? Array.prototype.indexOf.call(list.children, item) : -1
  return { button, group: button.closest(GROUPS), list, index }
}

/** Where focus goes when the button is gone: its group, the same slot of its list, else the drop zone. */
function replacement(last: FocusSpot, root: HTMLElement): HTMLElement | null {
  if (last.group?.isConnected) {
    const own = firstButton(last.group)
    if (own) return own
  }
  if (last.list?.isConnected && last.index >= 0) {
    const items = last.list.children
    const near = firstButton(items[Math.min(last.index, items.length - 1)])
    if (near) return near
  }
  return root.querySelector<HTMLElement>(`.${classNames.dropzone}`)
}

/**
 * Call once the remembered button is gone: if focus fell out of the page's controls (to `<body>`), moves
 * it to the nearest button that took its place, or to the drop zone. Focus the user put elsewhere stays.
 * See the Focus rule in `index.ts`; the React hook and the DOM widget only bind this to their updates.
 */
export function rescueFocus(last: FocusSpot, root: HTMLElement): void {
  const doc = root.ownerDocument
  const active = doc.activeElement
  if (active && active !== doc.body && active.isConnected) return
  replacement(last, root)?.focus()
}
