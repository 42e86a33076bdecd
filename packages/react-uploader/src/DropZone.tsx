'use client'
import type { Uploader } from '@upkit/uploader-core'
import { classNames, cx, type ViewMessages, viewText } from '@upkit/uploader-core/view'
import { LinkField } from './LinkField.js'
import type { DropzoneState } from './useDropzone.js'

export interface DropZoneProps {
  dropzone: DropzoneState
  messages: ViewMessages
  /** Id prefix (from `useId`), for `aria-describedby`. */
  id: string
  disabled: boolean
  /** Also draw "Add from a link" after the zone (a sibling: no field inside a `role=button`). @default false */
  allowUrls?: boolean
  /** The engine the link field adds to (`addUrl`); null until it exists. */
  uploader?: Uploader | null
}

function UploadIcon() {
  return (
    <svg className={classNames.dropzoneIcon} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M11 15.6V6.4L7.7 9.7 6.3 8.3 12 2.6l5.7 5.7-1.4 1.4L13 6.4v9.2h-2ZM4 21.4v-6h2v4h12v-4h2v6H4Z"
      />
    </svg>
  )
}

/** The drop zone: focusable, opens the chooser on click/Enter/Space, takes drops and pastes. */
export function DropZone({ dropzone, messages, id, disabled, allowUrls, uploader = null }: DropZoneProps) {
  const hintId = `${id}-hint`
  const className = cx(
    classNames.dropzone,
    dropzone.isDragActive && classNames.dropzoneActive,
    disabled && classNames.dropzoneDisabled,
  )
  return (
    <>
      <div {...dropzone.getRootProps({ className, 'aria-describedby': hintId })}>
        <UploadIcon />
        <span className={classNames.dropzoneTitle}>
          {dropzone.isDragActive ? (
            viewText(messages, 'dropActive')
          ) : (
            <>
              {viewText(messages, 'dropPrompt')}{' '}
              <span className={classNames.browse}>{viewText(messages, 'browse')}</span>
            </>
          )}
        </span>
        <span className={classNames.dropzoneHint} id={hintId}>
          {viewText(messages, 'pasteHint')}
        </span>
        <input
          {...dropzone.getInputProps({
            className: classNames.input,
            'aria-label': viewText(messages, 'browseFiles'),
          })}
        />
      </div>
      {allowUrls && <LinkField uploader={uploader} messages={messages} id={id} disabled={disabled} />}
    </>
  )
}
