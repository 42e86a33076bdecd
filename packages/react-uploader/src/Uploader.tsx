'use client'
import type { UploadError } from '@upkit/uploader-core'
import { checkWidgetOptions, classNames, cx, widgetError } from '@upkit/uploader-core/view'
import { useEffect, useId, useRef } from 'react'
import { DropZone } from './DropZone.js'
import { FileList } from './FileList.js'
import { LiveRegion } from './LiveRegion.js'
import { RejectionList } from './RejectionList.js'
import { RestoredNotice } from './RestoredNotice.js'
import { TotalProgress } from './TotalProgress.js'
import type { UploaderProps } from './types.js'
import { useFocusRescue } from './useFocusRescue.js'
import { useUploaderWidget } from './useUploaderWidget.js'

const WHO = '<Uploader>'

/** The widget's own props, checked at the door (an unknown name warns once): the error, or null. */
function propsError(props: UploaderProps): UploadError | null {
  try {
    checkWidgetOptions(props, WHO)
    return null
  } catch (error) {
    return error as UploadError
  }
}

/** Logs a refused option once (the whole error, with its stack), not on every render. */
function useLogOnce(error: UploadError | null): void {
  const logged = useRef<string | null>(null)
  useEffect(() => {
    if (error && logged.current !== error.message) console.error(error)
    logged.current = error?.message ?? null
  })
}

/**
 * The drop-in widget: drop zone, file list with per-file progress and actions, total progress, and a
 * polite live region. Upload state lives in the engine; this only reads its snapshot.
 * Props it cannot work with (a wrong type, an http `uploadEndpoint`, no `auth`) never throw: the widget
 * shows the developer's message in its frame (`role="alert"`) and logs the error once; the page goes on.
 *
 * @example
 * <Uploader publicKey="public_…" auth="/api/imagekit/auth" onSuccess={(file, result) => save(result.url)} />
 */
export function Uploader(props: UploaderProps) {
  const refused = propsError(props)
  const { uploader, error, snapshot, messages, intlLocale, text, rejections, dropzone } =
    useUploaderWidget(props)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const focusRescue = useFocusRescue(root)
  const problem = refused ?? (error && (widgetError(error, WHO) as UploadError))
  useLogOnce(problem)
  const rootClass = cx(classNames.root, !props.unstyled && classNames.styled, props.className)
  if (problem) {
    return (
      <div ref={root} className={rootClass} data-theme={props.theme}>
        <p role="alert" className={classNames.message}>
          {problem.message}
        </p>
      </div>
    )
  }
  const shared = { uploader, messages, intlLocale }
  return (
    <div ref={root} className={rootClass} data-theme={props.theme} {...focusRescue}>
      <DropZone
        dropzone={dropzone}
        messages={messages}
        id={id}
        disabled={Boolean(props.disabled)}
        allowUrls={Boolean(props.allowUrls)}
        uploader={uploader}
      />
      <RestoredNotice restored={snapshot.restored} uploader={uploader} messages={messages} />
      <RejectionList rejections={rejections.rejections} messages={messages} onDismiss={rejections.dismiss} />
      <FileList files={snapshot.files} ticking={snapshot.counts.retrying > 0} {...shared} />
      <TotalProgress
        snapshot={snapshot}
        {...shared}
        showUpload={props.uploadButton ?? (!props.uploader && props.autoUpload === false)}
      />
      <LiveRegion text={text} />
    </div>
  )
}
