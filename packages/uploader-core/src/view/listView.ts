import type { FileState } from '../types.js'
import { VIRTUAL_AFTER, type VisibleRange, visibleRange } from './visibleRange.js'

/** Where a scrolling file list stands (px), and which file's row holds keyboard focus. */
export interface ListView {
  readonly top: number
  readonly height: number
  /** Row pitch: a row's height plus the gap between rows. */
  readonly row: number
  readonly focused: string | undefined
}

/** Assumed until the list is laid out (and in jsdom, which has no layout): the styled row pitch. */
export const startView: ListView = { top: 0, height: 640, row: 82, focused: undefined }

/**
 * Reads a drawn list: scroll offset, viewport (at most the window's height, in case no stylesheet
 * makes the list scroll), row pitch measured across the drawn rows, and the focused row's file
 * (from its `aria-posinset` in `files`, the files drawn). Returns `last` when nothing changed.
 */
export function readListView(list: HTMLElement, files: readonly FileState[], last: ListView): ListView {
  const rows = list.children as HTMLCollectionOf<HTMLElement>
  const n = rows.length
  const pitch = n > 1 ? ((rows[n - 1]?.offsetTop ?? 0) - (rows[0]?.offsetTop ?? 0)) / (n - 1) : 0
  // Rounding differences would only redraw the same rows.
  const row = pitch > 0 && Math.abs(pitch - last.row) > 0.5 ? pitch : last.row
  const item = list.ownerDocument.activeElement?.closest('li')
  const next: ListView = {
    top: list.scrollTop,
    height: Math.min(list.clientHeight, innerHeight) || last.height,
    row,
    focused: files[(item?.parentElement === list ? Number(item.getAttribute('aria-posinset')) : 0) - 1]?.id,
  }
  return JSON.stringify(next) === JSON.stringify(last) ? last : next
}

/** The rows of `files` to draw for `view`, or null for a short list (every row is drawn). */
export function listWindow(files: readonly FileState[], view: ListView): VisibleRange | null {
  if (files.length <= VIRTUAL_AFTER) return null
  const keep = view.focused === undefined ? -1 : files.findIndex((file) => file.id === view.focused)
  return visibleRange(view.top, view.height, view.row, files.length, undefined, keep)
}
