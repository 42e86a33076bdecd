'use client'
import { classNames, cx, type ViewMessages, viewText } from '@upkit/uploader-core/view'
import type { Rejection } from './useRejections.js'

export interface RejectionListProps {
  rejections: readonly Rejection[]
  messages: ViewMessages
  onDismiss: (key: number) => void
}

/** Restriction messages ("“big.mov” is too large (30 MB). Files can be at most 25 MB.") and notices ("“a.png” was deleted."). */
export function RejectionList({ rejections, messages, onDismiss }: RejectionListProps) {
  if (rejections.length === 0) return null
  return (
    <ul className={classNames.messages} aria-label={viewText(messages, 'messageList')}>
      {rejections.map((rejection) => (
        <li
          key={rejection.key}
          className={cx(classNames.message, rejection.tone === 'info' && classNames.messageInfo)}
        >
          <span className={classNames.messageText}>{rejection.text}</span>
          <button
            type="button"
            className={classNames.button}
            aria-label={viewText(messages, 'dismissMessage')}
            onClick={() => onDismiss(rejection.key)}
          >
            {viewText(messages, 'dismiss')}
          </button>
        </li>
      ))}
    </ul>
  )
}
