'use client'
import { classNames } from '@upkit/uploader-core/view'
import { type RefObject, type SyntheticEvent, useCallback, useEffect, useLayoutEffect, useRef } from 'react'

interface Remembered {
  button: HTMLElement
  /** The buttons' container (row actions, list actions, one message). */
  group: Element | null
  list: Element | null
  index: number
}

// Layout effects warn during React 18 server rendering; nothing needs focus there anyway.
const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

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

/** Where focus goes when the focused button is gone: its group, the same slot of its list, the zone. */
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
 * Keeps keyboard focus in the widget when the focused button goes away — pressed (Cancel turns into
 * Retry, Remove drops the row, Cancel all turns into Retry all) or because the upload moved on (Cancel
 * disappears when the file is done): focus moves to the nearest button that took its place, or to the
 * drop zone, instead of falling back to the page.
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>) {
  const focused = useRef<Remembered | null>(null)
  useClientLayoutEffect(() => {
    const last = focused.current
    if (!last || !root.current) return
    if (last.button.isConnected) {
      // Still there; forget it once focus has gone elsewhere (the user moved on).
      if (document.activeElement !== last.button) focused.current = null
      return
    }
    focused.current = null
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    replacement(last, root.current)?.focus()
  })
  const track = useCallback((event: SyntheticEvent) => {
    const button = (event.target as Element).closest?.('button')
    if (button) focused.current = remember(button)
  }, [])
  return { onFocusCapture: track, onClickCapture: track }
}
