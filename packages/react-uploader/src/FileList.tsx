'use client'
import type { FileState, Uploader } from '@upkit/uploader-core'
import {
  classNames,
  cx,
  listWindow,
  readListView,
  startView,
  VIRTUAL_AFTER,
  type ViewMessages,
  viewText,
} from '@upkit/uploader-core/view'
import { useRef, useState } from 'react'
import { flushSync } from 'react-dom'
import { FileRow } from './FileRow.js'
import { useClientLayoutEffect } from './useClientLayoutEffect.js'
import { useNow } from './useNow.js'

export interface FileListProps {
  files: readonly FileState[]
  uploader: Uploader | null
  messages: ViewMessages
  intlLocale: string | undefined
  /** A file waits for a retry: tick the countdown clock (also ticked while a file uploads, for stalls). */
  ticking: boolean
}

/**
 * The list of files, in the order they were added. A long list scrolls in its own box and draws
 * only the rows in view (see `listWindow`), so 10,000 files cost a few dozen rows.
 */
export function FileList({ files, uploader, messages, intlLocale, ticking }: FileListProps) {
  // While uploading, the clock shows a stall ("Waiting for the network…") once no bytes moved.
  const now = useNow(ticking || files.some((file) => file.status === 'uploading'))
  const list = useRef<HTMLUListElement>(null)
  const [view, setView] = useState(startView)
  // After each commit and on scroll: measure the drawn list, draw again if it moved.
  const settle = () => {
    const element = list.current
    if (element && files.length > VIRTUAL_AFTER) setView((last) => readListView(element, files, last))
  }
  useClientLayoutEffect(settle)
  if (files.length === 0) return null
  const range = listWindow(files, view)
  const indices = range?.indices
  return (
    <ul
      ref={list}
      className={cx(classNames.files, range && classNames.filesVirtual)}
      aria-label={viewText(messages, 'fileList')}
      // Drawn in the scroll event itself, so the frame it paints already shows the rows.
      onScroll={() => flushSync(settle)}
    >
      {(indices ?? files.map((_, i) => i)).map((index, k, shown) => {
        const file = files[index] as FileState
        return (
          <FileRow
            key={file.id}
            file={file}
            uploader={uploader}
            messages={messages}
            intlLocale={intlLocale}
            now={file.status === 'retrying' || file.status === 'uploading' ? now : 0}
            position={indices && index + 1}
            count={indices && files.length}
            // Margins on the first and last rows drawn stand in for the rows not drawn.
            spaceBefore={k === 0 ? range?.before : undefined}
            spaceAfter={k === shown.length - 1 ? range?.after : undefined}
          />
        )
      })}
    </ul>
  )
}
