'use client'
import type { Uploader } from '@upkit/uploader-core'
import { useEffect, useRef } from 'react'
import type { UploaderCallbacks } from './types.js'

/**
 * Wires `onSuccess`/`onError`/`onRejected`/`onComplete`/`onProgress` to the engine; inline callbacks are
 * fine. With `keepUploads`, uploads still running at unmount keep reporting until the engine is
 * destroyed after them (destroy drops every listener).
 */
export function useUploaderCallbacks(
  uploader: Uploader | null,
  callbacks: UploaderCallbacks,
  keepUploads = false,
): void {
  const latest = useRef(callbacks)
  const keep = useRef(keepUploads)
  useEffect(() => {
    latest.current = callbacks
    keep.current = keepUploads
  })
  useEffect(() => {
    if (!uploader) return undefined
    let totals = uploader.getSnapshot().totals
    const offs = [
      uploader.on('upload-success', ({ file, result }) => latest.current.onSuccess?.(file, result)),
      uploader.on('upload-error', ({ file, error }) => latest.current.onError?.(file, error)),
      uploader.on('file-rejected', (rejection) => latest.current.onRejected?.(rejection)),
      uploader.on('complete', (result) => latest.current.onComplete?.(result)),
      uploader.subscribe(() => {
        const snapshot = uploader.getSnapshot()
        if (snapshot.totals === totals) return
        totals = snapshot.totals
        latest.current.onProgress?.(totals, snapshot)
      }),
    ]
    return () => {
      if (keep.current && uploader.getSnapshot().isUploading) return
      for (const off of offs) off()
    }
  }, [uploader])
}
