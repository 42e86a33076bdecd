'use client'
import { type FocusSpot, rememberFocus, rescueFocus } from '@upkit/uploader-core/view'
import { type RefObject, type SyntheticEvent, useCallback, useRef } from 'react'
import { useClientLayoutEffect } from './useClientLayoutEffect.js'

/**
 * Keeps keyboard focus in the widget when the focused button goes away — pressed (Cancel turns into
 * Retry, Remove drops the row, Cancel all turns into Retry all) or because the upload moved on (Cancel
 * disappears when the file is done): binds the shared rule of `rescueFocus` (also behind the DOM
 * widget) to React's commits.
 */
export function useFocusRescue(root: RefObject<HTMLElement | null>) {
  const focused = useRef<FocusSpot | null>(null)
  useClientLayoutEffect(() => {
    const last = focused.current
    if (!last || !root.current) return
    if (last.button.isConnected) {
      // Still there; forget it once focus has gone elsewhere (the user moved on).
      if (document.activeElement !== last.button) focused.current = null
      return
    }
    focused.current = null
    rescueFocus(last, root.current)
  })
  const track = useCallback((event: SyntheticEvent) => {
    const button = (event.target as Element).closest?.('button')
    if (button) focused.current = rememberFocus(button)
  }, [])
  return { onFocusCapture: track, onClickCapture: track }
}
