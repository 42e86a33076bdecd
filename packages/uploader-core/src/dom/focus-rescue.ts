import { type FocusSpot, rememberFocus, rescueFocus } from '../view/index.js'

/**
 * Keeps keyboard focus in the widget when a focused button goes away (Cancel turns into Retry, Remove
 * drops the row, Cancel all turns into Retry all, Dismiss drops a message): binds the shared rule of
 * `rescueFocus` (also behind the React widget's `useFocusRescue`) to the widget's DOM patches.
 */
export class FocusRescue {
  readonly #root: HTMLElement
  #last: FocusSpot | null = null

  constructor(root: HTMLElement, signal: AbortSignal) {
    this.#root = root
    const track = (event: Event) => {
      const target = event.target as Element | null
      const button = target?.closest?.('button') ?? null
      this.#last = button ? rememberFocus(button) : null
    }
    root.addEventListener('focusin', track, { signal })
    root.addEventListener('click', track, { capture: true, signal })
  }

  /** Call before patching the DOM: refreshes where the focused button sits. */
  before(): void {
    const last = this.#last
    if (last?.button.isConnected) this.#last = rememberFocus(last.button)
  }

  /** Call after patching the DOM: moves focus if the remembered button is gone and focus fell out. */
  after(): void {
    const last = this.#last
    if (!last || last.button.isConnected) return
    this.#last = null
    rescueFocus(last, this.#root)
  }
}
