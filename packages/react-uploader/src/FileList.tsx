'use client'
import type { FileState, Uploader } from '@upkit/uploader-core'
import { classNames, type ViewMessages, viewText } from '@upkit/uploader-core/view'
import { FileRow } from './FileRow.js'
import { useNow } from './useNow.js'

export interface FileListProps {
  files: readonly FileState[]
  uploader: Uploader | null
  messages: ViewMessages
  intlLocale: string | undefined
}

/** The list of files, in the order they were added. */
export function FileList({ files, uploader, messages, intlLocale }: FileListProps) {
  const now = useNow(files.some((file) => file.status === 'retrying'))
  if (files.length === 0) return null
  return (
    <ul className={classNames.files} aria-label={viewText(messages, 'fileList')}>
      {files.map((file) => (
        <FileRow
          key={file.id}
          file={file}
          uploader={uploader}
          messages={messages}
          intlLocale={intlLocale}
          now={file.status === 'retrying' ? now : 0}
        />
      ))}
    </ul>
  )
}
