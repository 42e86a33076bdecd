'use client'
import type { Uploader } from '@upkit/uploader-core'
import { type ViewMessages, viewText, warnBeforeUnload } from '@upkit/uploader-core/view'
import { useEffect, useRef } from 'react'

/**
 * Announces the restored-queue notice once when it appears, and shows and announces each `file-reverted`
 * (a finished file deleted from ImageKit on Remove; an 'info' notice). A `revert-error`'s message goes to
 * `show` (the message list) as a problem.
 */
export function useRestoredAndReverts(
  uploader: Uploader | null,
  restored: number,
  messages: ViewMessages,
  announce: (text: string) => void,
  show: (text: string, tone?: 'error' | 'info') => void,
): void {
  const latest = useRef({ messages, announce, show })
  useEffect(() => {
    latest.current = { messages, announce, show }
  })
  const shown = useRef(false)
  useEffect(() => {
    if (restored <= 0) {
      shown.current = false
      return
    }
    if (shown.current) return
    shown.current = true
    latest.current.announce(viewText(latest.current.messages, 'restoredNotice', { count: restored }))
  }, [restored])
  useEffect(() => {
    if (!uploader) return undefined
    const offs = [
      uploader.on('file-reverted', ({ file }) => {
        const text = viewText(latest.current.messages, 'announceReverted', { name: file.name })
        latest.current.show(text, 'info')
        latest.current.announce(text)
      }),
      uploader.on('revert-error', ({ error }) => {
        latest.current.show(error.message)
        latest.current.announce(error.message)
      }),
    ]
    return () => {
      for (const off of offs) off()
    }
  }, [uploader])
}

/** `warnBeforeUnload` (default on): the browser asks before leaving while files upload. */
export function useWarnBeforeUnload(uploader: Uploader | null, enabled: boolean | undefined): void {
  useEffect(
    () => (enabled === false || !uploader ? undefined : warnBeforeUnload(uploader)),
    [uploader, enabled],
  )
}
