'use client'
import type { FileState, Uploader } from '@upkit/uploader-core'
import {
  classNames,
  errorText,
  fileActions,
  fileStatusLabel,
  formatBytes,
  formatPercent,
  type ViewMessages,
  viewText,
} from '@upkit/uploader-core/view'
import { memo } from 'react'
import { Thumbnail } from './Thumbnail.js'

export interface FileRowProps {
  file: FileState
  uploader: Uploader | null
  messages: ViewMessages
  intlLocale: string | undefined
  /** Clock for the retry countdown. */
  now: number
  /** In a long (windowed) list: the row's place and the number of files, for screen readers. */
  position?: number | undefined
  count?: number | undefined
  /** Margins (px) standing in for the rows not drawn above and below (first and last row drawn). */
  spaceBefore?: number | undefined
  spaceAfter?: number | undefined
}

function RowButton(props: { label: string; text: string; onClick: () => void }) {
  return (
    <button type="button" className={classNames.button} aria-label={props.label} onClick={props.onClick}>
      {props.text}
    </button>
  )
}

function RowActions({ file, uploader, messages }: Pick<FileRowProps, 'file' | 'uploader' | 'messages'>) {
  const actions = fileActions(file)
  const name = { name: file.name }
  return (
    <div className={classNames.fileActions}>
      {actions.cancel && (
        <RowButton
          label={viewText(messages, 'cancelFile', name)}
          text={viewText(messages, 'cancel')}
          onClick={() => uploader?.cancel(file.id)}
        />
      )}
      {actions.retry && (
        <RowButton
          label={viewText(messages, 'retryFile', name)}
          text={viewText(messages, 'retry')}
          onClick={() => uploader?.retry(file.id)}
        />
      )}
      {actions.remove && (
        <RowButton
          label={viewText(messages, 'removeFile', name)}
          text={viewText(messages, 'remove')}
          onClick={() => uploader?.remove(file.id)}
        />
      )}
    </div>
  )
}

/** One file: thumbnail, name, size, progress bar, status, error and its buttons. */
export const FileRow = memo(function FileRow(props: FileRowProps) {
  const { file, uploader, messages, intlLocale, now } = props
  const status = fileStatusLabel(file, messages, { now, ...(intlLocale ? { locale: intlLocale } : {}) })
  return (
    <li
      className={classNames.file}
      data-status={file.status}
      aria-setsize={props.count}
      aria-posinset={props.position}
      style={
        props.spaceBefore === undefined && props.spaceAfter === undefined
          ? undefined
          : { marginTop: props.spaceBefore, marginBottom: props.spaceAfter }
      }
    >
      <Thumbnail file={file} />
      <div className={classNames.fileMain}>
        <span className={classNames.fileName}>{file.name}</span>
        <span className={classNames.fileSize}>{formatBytes(file.size, intlLocale)}</span>
        <progress
          className={classNames.progress}
          max={100}
          value={file.percent}
          aria-label={viewText(messages, 'progressFile', { name: file.name })}
          aria-valuetext={formatPercent(file.percent, intlLocale)}
        />
        <span className={classNames.fileStatus}>{status}</span>
        {file.status === 'error' && file.error && (
          <span className={classNames.fileError}>{errorText(file.error, messages)}</span>
        )}
      </div>
      <RowActions file={file} uploader={uploader} messages={messages} />
    </li>
  )
})
