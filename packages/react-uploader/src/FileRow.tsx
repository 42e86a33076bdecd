'use client'
import type { FileState, Uploader } from '@upkit/uploader-core'
import {
  COPIED_NOTE_MS,
  classNames,
  copyLink,
  copyNote,
  cx,
  errorText,
  fileActions,
  fileLink,
  fileStatusLabel,
  formatBytes,
  formatPercent,
  progressValue,
  showsProgress,
  type ViewMessages,
  viewText,
} from '@upkit/uploader-core/view'
import { memo, useEffect, useState } from 'react'
import { Thumbnail } from './Thumbnail.js'

export interface FileRowProps {
  file: FileState
  uploader: Uploader | null
  messages: ViewMessages
  intlLocale: string | undefined
  /** Clock for the retry countdown and the stall hint. */
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

interface RowActionsProps extends Pick<FileRowProps, 'file' | 'uploader' | 'messages'> {
  onCopy: () => void
}

function RowActions({ file, uploader, messages, onCopy }: RowActionsProps) {
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
      {actions.copy && (
        <RowButton
          label={viewText(messages, 'copyLinkFile', name)}
          text={viewText(messages, 'copyLink')}
          onClick={onCopy}
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

/** Copy link's outcome for one row: "Link copied" for a while, or the link to copy by hand. */
function useCopyNote(url: string | null, messages: ViewMessages) {
  const [note, setNote] = useState<{ text: string; fades: boolean } | null>(null)
  useEffect(() => {
    if (!note?.fades) return undefined
    const timer = setTimeout(() => setNote(null), COPIED_NOTE_MS)
    return () => clearTimeout(timer)
  }, [note])
  const copy = () => {
    if (url === null) return
    void copyLink(url).then((outcome) =>
      setNote({ text: copyNote(outcome, url, messages), fades: outcome === 'copied' }),
    )
  }
  return { note: note?.text ?? '', copy }
}

function FileName({ file, url, messages }: { file: FileState; url: string | null; messages: ViewMessages }) {
  if (url === null) return <span className={classNames.fileName}>{file.name}</span>
  return (
    <a
      className={cx(classNames.fileName, classNames.fileLink)}
      href={url}
      target="_blank"
      rel="noopener"
      aria-label={viewText(messages, 'openFile', { name: file.name })}
    >
      {file.name}
    </a>
  )
}

/** One file: thumbnail, name (a link once stored), size, progress bar, status, error and its buttons. */
export const FileRow = memo(function FileRow(props: FileRowProps) {
  const { file, uploader, messages, intlLocale, now } = props
  const status = fileStatusLabel(file, messages, { now, ...(intlLocale ? { locale: intlLocale } : {}) })
  const url = fileLink(file)
  const { note, copy } = useCopyNote(url, messages)
  const value = progressValue(file)
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
        <FileName file={file} url={url} messages={messages} />
        <span className={classNames.fileSize}>
          {file.url !== undefined && file.size === 0 ? '' : formatBytes(file.size, intlLocale)}
        </span>
        {showsProgress(file) && (
          <progress
            className={classNames.progress}
            max={100}
            value={value}
            aria-label={viewText(messages, 'progressFile', { name: file.name })}
            aria-valuetext={value === undefined ? undefined : formatPercent(value, intlLocale)}
          />
        )}
        <span className={classNames.fileStatus}>{status}</span>
        {file.status === 'error' && file.error && (
          <span className={classNames.fileError}>{errorText(file.error, messages)}</span>
        )}
        {url !== null && (
          <span className={classNames.fileNote} aria-live="polite">
            {note}
          </span>
        )}
      </div>
      <RowActions file={file} uploader={uploader} messages={messages} onCopy={copy} />
    </li>
  )
})
