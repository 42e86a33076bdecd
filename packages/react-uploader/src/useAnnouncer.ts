'use client'
import type { UploaderSnapshot } from '@upkit/uploader-core'
import { type AddedRun, announcements, type ViewMessages } from '@upkit/uploader-core/view'
import { useCallback, useEffect, useRef, useState } from 'react'

/** Screen readers skip a live region whose text did not change: vary it invisibly instead. */
function distinct(next: string, current: string): string {
  return next === current ? `${next}\u00a0` : next
}

/**
 * The live-region text: what changed between the last snapshot and this one (files added,
 * milestones, failures, completion), or what `announce` was given (e.g. rejections).
 */
export function useAnnouncer(snapshot: UploaderSnapshot, messages: ViewMessages) {
  const [text, setText] = useState('')
  const previous = useRef(snapshot)
  const added = useRef<AddedRun>({ count: 0, at: Number.NEGATIVE_INFINITY })
  const announce = useCallback((message: string) => setText((current) => distinct(message, current)), [])
  useEffect(() => {
    const texts = announcements(previous.current, snapshot, messages, added.current)
    previous.current = snapshot
    if (texts.length > 0) announce(texts.join(' '))
  }, [snapshot, messages, announce])
  return { text, announce }
}
