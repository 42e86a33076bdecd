'use client'
import type { Uploader, UploaderSnapshot } from '@upkit/uploader-core'
import { emptySnapshot } from '@upkit/uploader-core/view'
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react'
import { shallowEqual } from './shallowEqual.js'

export type Selector<T> = (snapshot: UploaderSnapshot) => T
export type Equality<T> = (a: T, b: T) => boolean

const identity: Selector<UploaderSnapshot> = (snapshot) => snapshot
const noSubscription = () => () => {}

type Committed<T> = { has: boolean; value: T | undefined }

/** Caches one selection per snapshot and keeps the previous value while `isEqual` says it is the same. */
function memoizedSelector<T>(
  selector: Selector<T>,
  isEqual: Equality<T>,
  committed: Committed<T>,
): Selector<T> {
  let memo: { snapshot: UploaderSnapshot; value: T } | null = null
  return (snapshot) => {
    if (memo && memo.snapshot === snapshot) return memo.value
    const next = selector(snapshot)
    const previous = memo ? { value: memo.value } : committed.has ? { value: committed.value as T } : null
    const value = previous && isEqual(previous.value, next) ? previous.value : next
    memo = { snapshot, value }
    return value
  }
}

/**
 * Reads the engine's snapshot (or a part of it) with `useSyncExternalStore`. With a selector, the
 * component re-renders only when the selected value changes by `isEqual` (default: shallow).
 * Before an engine exists (first render, server) it reads the empty snapshot.
 */
export function useUploaderState<T = UploaderSnapshot>(
  uploader: Uploader | null,
  selector: Selector<T> = identity as Selector<T>,
  isEqual: Equality<T> = shallowEqual,
): T {
  const committed = useRef<Committed<T>>({ has: false, value: undefined })
  const subscribe = useCallback(
    (onChange: () => void) => (uploader ? uploader.subscribe(onChange) : noSubscription()),
    [uploader],
  )
  const select = useMemo(() => memoizedSelector(selector, isEqual, committed.current), [selector, isEqual])
  const getSelection = useCallback(
    () => select(uploader ? uploader.getSnapshot() : emptySnapshot),
    [select, uploader],
  )
  const getServerSelection = useCallback(() => select(emptySnapshot), [select])
  const value = useSyncExternalStore(subscribe, getSelection, getServerSelection)
  useEffect(() => {
    committed.current.has = true
    committed.current.value = value
  }, [value])
  return value
}
