import { classNames } from '../view/index.js'

/** The focused button and where it sat, remembered so focus can land nearby once it is gone. */
interface Remembered {
  button: HTMLElement
  /** The buttons' container (row actions, list actions, one message). */
  group: Element | null
  list: Element | null
  index: number
}

const GROUPS = `.${classNames.fileActions}, .${classNames.actions}, .${classNames.message}`

function firstButton(container: Element | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>('button:not([disabled])') ?? null
}

function remember(button: HTMLElement): Remembered {
  const item = button.closest('li')
  const list = item?.parentElement ?? null
  const index = item && list ? Array.prototype.indexOf.call(list.children, item) : -1
  return { button, group: button.closest(GROUPS), list, index }
}

/** Where focus goes when the button is gone: its group, the same slot of its list, else the drop zone. */
function replacement(last: Remembered, root: HTMLElement): HTMLElement | null {
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
 * Keeps keyboard focus in the widget when a focused button goes away (Cancel turns into Retry, Remove
 * drops the row, Cancel all turns into Retry all, Dismiss drops a message): focus moves to the nearest
 * button that took its place, or to the drop zone, instead of falling back to the page — the same
 * rule as the React widget's `useFocusRescue`.
 */
export class FocusRescue {
  readonly #root: HTMLElement
  #last: Remembered | null = null

  constructor(root: HTMLElement, signal: AbortSignal) {
    this.#root = root
    const track = (event: Event) => {
      const target = event.target as Element | null
      const button = target?.closest?.('button') ?? null
      this.#last = button ? remember(button) : null
    }
    root.addEventListener('focusin', track, { signal })
    root.addEventListener('click', track, { capture: true, signal })
  }

  /** Call before patching the DOM: refreshes where the focused button sits. */
  before(): void {
    const last = this.#last
    if (last?.button.isConnected) this.#last = remember(last.button)
  }

  /** Call after patching the DOM: moves focus if the remembered button is gone and focus fell out. */
  after(): void {
    const last = this.#last
    if (!last || last.button.isConnected) return
    this.#last = null
    const doc = this.#root.ownerDocument
    const active = doc.activeElement
    if (active && active !== doc.body && active.isConnected) return
    replacement(last, this.#root)?.focus()
  }
}
