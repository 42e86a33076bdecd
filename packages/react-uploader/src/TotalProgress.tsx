'use client'
import type { Uploader, UploaderSnapshot } from '@upkit/uploader-core'
import { classNames, cx, totalProgress, type ViewMessages, viewText } from '@upkit/uploader-core/view'
import { useNow } from './useNow.js'

export interface TotalProgressProps {
  snapshot: UploaderSnapshot
  uploader: Uploader | null
  messages: ViewMessages
  intlLocale: string | undefined
  /** Show an Upload button for queued files (when the engine does not upload on its own). */
  showUpload: boolean
}

/**
 * The total bar (weighted by bytes) with speed and time left, or the outcome once nothing is left to
 * send, plus Upload / Retry all / Cancel all / Clear finished.
 */
export function TotalProgress({ snapshot, uploader, messages, intlLocale, showUpload }: TotalProgressProps) {
  // ticks while uploading: a stall hides the time left
  const now = useNow(snapshot.counts.uploading > 0)
  const model = totalProgress(snapshot, messages, intlLocale, now)
  if (!model.visible) return null
  const canUpload = showUpload && snapshot.counts.queued > 0
  return (
    <div className={classNames.total}>
      {model.showBar && (
        <progress
          className={cx(classNames.progress, classNames.progressTotal)}
          max={100}
          value={model.percent}
          aria-label={model.label}
          aria-valuetext={model.valueText}
        />
      )}
      <span className={classNames.totalText}>
        {[model.summary, model.speed, model.eta].filter(Boolean).join(' · ')}
      </span>
      <div className={classNames.actions}>
        {canUpload && (
          <button
            type="button"
            className={cx(classNames.button, classNames.buttonPrimary)}
            onClick={() => void uploader?.upload()}
          >
            {viewText(messages, 'upload')}
          </button>
        )}
        {model.canRetryAll && (
          <button type="button" className={classNames.button} onClick={() => uploader?.retryAll()}>
            {viewText(messages, 'retryAll')}
          </button>
        )}
        {model.canCancelAll && (
          <button type="button" className={classNames.button} onClick={() => uploader?.cancelAll()}>
            {viewText(messages, 'cancelAll')}
          </button>
        )}
        {model.canClearFinished && (
          <button type="button" className={classNames.button} onClick={() => uploader?.clearFinished()}>
            {viewText(messages, 'clearFinished')}
          </button>
        )}
      </div>
    </div>
  )
}
