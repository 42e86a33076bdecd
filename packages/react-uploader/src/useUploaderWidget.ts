'use client'
import { acceptAttribute, engineOptionsFrom, resolveLocale } from '@upkit/uploader-core/view'
import { useMemo } from 'react'
import type { UploaderProps } from './types.js'
import { useAnnouncer } from './useAnnouncer.js'
import { useDropzone } from './useDropzone.js'
import { useRejections } from './useRejections.js'
import { useRestoredAndReverts, useWarnBeforeUnload } from './useRestoredAndReverts.js'
import { useUploaderCallbacks } from './useUploaderCallbacks.js'
import { useEngine } from './useUploaderInstance.js'
import { useUploaderState } from './useUploaderState.js'

/** Everything `<Uploader>` renders from: engine, snapshot, strings, live text, rejections, drop zone. */
export function useUploaderWidget(props: UploaderProps) {
  const { locale, messages, intlLocale } = props
  const messagesKey = JSON.stringify(messages ?? null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `messages` is compared by value (messagesKey).
  const resolved = useMemo(
    () => resolveLocale(locale, messages, intlLocale),
    [locale, messagesKey, intlLocale],
  )
  // `warnBeforeUnload` is a widget prop: kept from the engine, which warns on unknown options.
  const { warnBeforeUnload: warnOnUnload, ...engineProps } = props
  const source = props.uploader ?? engineOptionsFrom(engineProps, resolved)
  const keepUploads = props.keepUploadsOnUnmount ?? false
  const { uploader, error } = useEngine(source, { keepUploadsOnUnmount: keepUploads })
  const snapshot = useUploaderState(uploader)
  useUploaderCallbacks(uploader, props, keepUploads)
  const { text, announce } = useAnnouncer(snapshot, resolved.view)
  const rejections = useRejections(uploader, resolved.view, announce)
  useRestoredAndReverts(uploader, snapshot.restored, resolved.view, announce, rejections.add)
  useWarnBeforeUnload(uploader, warnOnUnload)
  const dropzone = useDropzone({
    uploader,
    // not disabled while the engine is being created: what is chosen then waits for it (useDropzone)
    disabled: Boolean(props.disabled),
    multiple: props.multiple ?? true,
    accept: props.accept ?? acceptAttribute(props.restrictions?.allowedFileTypes),
    capture: props.capture,
    pasteOnDocument: props.pasteOnDocument ?? false,
  })
  return {
    uploader,
    /** Options `createUploader` refused: `<Uploader>` shows it instead of throwing. */
    error,
    snapshot,
    messages: resolved.view,
    intlLocale: resolved.intl,
    text,
    rejections,
    dropzone,
  }
}
