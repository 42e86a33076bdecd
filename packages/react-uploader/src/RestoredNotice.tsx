'use client'
import type { Uploader } from '@upkit/uploader-core'
import { classNames, cx, type ViewMessages, viewText } from '@upkit/uploader-core/view'

export interface RestoredNoticeProps {
  restored: number
  uploader: Uploader | null
  messages: ViewMessages
}

/** What a `persist` queue kept from the last visit, with Resume / Discard (the DOM widget's markup). */
export function RestoredNotice({ restored, uploader, messages }: RestoredNoticeProps) {
  if (restored <= 0) return null
  return (
    <div className="upkit-restored">
      <span className="upkit-restored-text">{viewText(messages, 'restoredNotice', { count: restored })}</span>
      <div className={classNames.actions}>
        <button
          type="button"
          className={cx(classNames.button, classNames.buttonPrimary)}
          onClick={() => void uploader?.resumeRestored()}
        >
          {viewText(messages, 'resumeRestored')}
        </button>
        <button type="button" className={classNames.button} onClick={() => void uploader?.discardRestored()}>
          {viewText(messages, 'discardRestored')}
        </button>
      </div>
    </div>
  )
}
