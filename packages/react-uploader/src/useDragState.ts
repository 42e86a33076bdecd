'use client'
import { type DragEvent, useCallback, useRef, useState } from 'react'

function carriesFiles(event: DragEvent): boolean {
  const types = event.dataTransfer?.types
  return !types || Array.from(types).includes('Files')
}

/**
 * The drag-over state of a drop target. Counts enter/leave pairs, because moving over a child fires
 * `dragleave` on the parent.
 */
export function useDragState(disabled: boolean) {
  const depth = useRef(0)
  const [isDragActive, setDragActive] = useState(false)
  const onDragEnter = useCallback(
    (event: DragEvent) => {
      if (disabled || !carriesFiles(event)) return
      event.preventDefault()
      depth.current++
      setDragActive(true)
    },
    [disabled],
  )
  const onDragOver = useCallback(
    (event: DragEvent) => {
      if (disabled || !carriesFiles(event)) return
      event.preventDefault()
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy'
    },
    [disabled],
  )
  const onDragLeave = useCallback(() => {
    depth.current = Math.max(0, depth.current - 1)
    if (depth.current === 0) setDragActive(false)
  }, [])
  const reset = useCallback(() => {
    depth.current = 0
    setDragActive(false)
  }, [])
  return { isDragActive, onDragEnter, onDragOver, onDragLeave, reset }
}
