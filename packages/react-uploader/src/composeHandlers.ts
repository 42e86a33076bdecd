'use client'
import type { SyntheticEvent } from 'react'

type Handler<E> = ((event: E) => void) | undefined

/** Calls the user's handler, then ours unless the user's called `preventDefault()`. */
export function composeHandlers<E extends SyntheticEvent>(theirs: Handler<E>, ours: (event: E) => void) {
  return (event: E): void => {
    theirs?.(event)
    if (!event.defaultPrevented) ours(event)
  }
}
