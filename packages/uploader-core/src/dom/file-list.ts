import type { FileState } from '../types.js'
import {
  classNames,
  cx,
  type ListView,
  listWindow,
  readListView,
  startView,
  VIRTUAL_AFTER,
  viewText,
} from '../view/index.js'
import { createElement, setAttribute } from './element.js'
import { FileRow, type RowContext } from './file-row.js'
import { KeyedList } from './keyed-list.js'

/**
 * The file list (the same tree as React's `<FileList>`). A long list scrolls in its own box and
 * draws only the rows in view (see `listWindow`), so 10,000 files cost a few dozen rows.
 */
export class FileList {
  readonly element: HTMLUListElement
  readonly #rows: KeyedList<FileState>
  #files: readonly FileState[] = []
  #view: ListView = startView

  constructor(context: RowContext) {
    this.element = createElement(context.doc, 'ul', {
      class: classNames.files,
      'aria-label': viewText(context.messages, 'fileList'),
    })
    this.#rows = new KeyedList(
      this.element,
      (file) => file.id,
      (file) => new FileRow(file, context),
    )
  }

  /** Draws `files` (call `settle` once the list is in the document). */
  update(files: readonly FileState[]): void {
    this.#files = files
    this.#draw()
  }

  /** Long lists: measures the drawn list (scrolled, resized, rows laid out) and draws again if it moved. */
  settle(): void {
    if (this.#files.length <= VIRTUAL_AFTER) return
    const view = readListView(this.element, this.#files, this.#view)
    if (view === this.#view) return
    this.#view = view
    this.#draw()
  }

  #draw(): void {
    const files = this.#files
    const range = listWindow(files, this.#view)
    const list = this.element
    setAttribute(list, 'class', cx(classNames.files, range && classNames.filesVirtual))
    const indices = range?.indices
    const rows = this.#rows.update(indices ? indices.map((i) => files[i] as FileState) : files)
    const last = rows.length - 1
    rows.forEach((row, k) => {
      const index = indices?.[k]
      setAttribute(row, 'aria-setsize', index !== undefined && files.length)
      setAttribute(row, 'aria-posinset', index !== undefined && index + 1)
      // Margins on the first and last rows drawn stand in for the rows not drawn.
      const margins =
        range &&
        cx(k === 0 && `margin-top: ${range.before}px;`, k === last && `margin-bottom: ${range.after}px;`)
      setAttribute(row, 'style', margins || undefined)
    })
  }

  /** Destroys every row (revoking their object URLs). */
  clear(): void {
    this.#rows.clear()
  }
}
