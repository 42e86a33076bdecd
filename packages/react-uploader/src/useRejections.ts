'use client'
import type { FileRejection, Uploader } from '@upkit/uploader-core'
import { rejectionText, type ViewMessages, viewText } from '@upkit/uploader-core/view'
import { useCallback, useEffect, useRef, useState } from 'react'

export interface Rejection {
  key: number
  text: string
  /** 'info' for a notice ("“a.png” was deleted."); a problem otherwise. */
  tone?: 'error' | 'info'
}

/**
 * Files the engine refused (`file-rejected`), shown until dismissed. UI state only: the engine never
 * keeps refused files. One batch of refusals (they arrive together) is announced once.
 */
export function useRejections(
  uploader: Uploader | null,
  messages: ViewMessages,
  announce: (text: string) => void,
) {
  const [rejections, setRejections] = useState<readonly Rejection[]>([])
  const counter = useRef(0)
  const latest = useRef({ messages, announce })
  useEffect(() => {
    latest.current = { messages, announce }
  })
  useEffect(() => {
    if (!uploader) return undefined
    let batch: string[] = []
    const flush = () => {
      const { messages: table, announce: say } = latest.current
      say([viewText(table, 'announceRejected', { count: batch.length }), ...batch].join(' '))
      batch = []
    }
    return uploader.on('file-rejected', ({ name, error }: FileRejection) => {
      const text = rejectionText(name, error.message, latest.current.messages)
      const key = ++counter.current
      setRejections((current) => [...current, { key, text }])
      if (batch.length === 0) queueMicrotask(flush)
      batch.push(text)
    })
  }, [uploader])
  /** A message of the widget's own (a failed revert; a notice with tone 'info'), shown like a rejection. */
  const add = useCallback((text: string, tone: 'error' | 'info' = 'error') => {
    const key = ++counter.current
    setRejections((current) => [...current, { key, text, tone }])
  }, [])
  const dismiss = useCallback((key: number) => {
    setRejections((current) => current.filter((rejection) => rejection.key !== key))
  }, [])
  return { rejections, dismiss, add }
}
