'use client'
import { classNames, cx } from '@upkit/uploader-core/view'
import { useId, useRef } from 'react'
import { DropZone } from './DropZone.js'
import { FileList } from './FileList.js'
import { LiveRegion } from './LiveRegion.js'
import { RejectionList } from './RejectionList.js'
import { RestoredNotice } from './RestoredNotice.js'
import { TotalProgress } from './TotalProgress.js'
import type { UploaderProps } from './types.js'
import { useFocusRescue } from './useFocusRescue.js'
import { useUploaderWidget } from './useUploaderWidget.js'

/**
 * The drop-in widget: drop zone, file list with per-file progress and actions, total progress, and a
 * polite live region. Upload state lives in the engine; this only reads its snapshot.
 *
 * @example
 * <Uploader publicKey="public_…" auth="/api/imagekit/auth" onSuccess={(file, result) => save(result.url)} />
 */
export function Uploader(props: UploaderProps) {
  const { uploader, snapshot, messages, intlLocale, text, rejections, dropzone } = useUploaderWidget(props)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const focusRescue = useFocusRescue(root)
  const shared = { uploader, messages, intlLocale }
  return (
    <div
      ref={root}
      className={cx(classNames.root, !props.unstyled && classNames.styled, props.className)}
      data-theme={props.theme}
      {...focusRescue}
    >
      <DropZone dropzone={dropzone} messages={messages} id={id} disabled={Boolean(props.disabled)} />
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
