'use client'
import type { Uploader } from '@upkit/uploader-core'
import { classNames, type ViewMessages, viewText } from '@upkit/uploader-core/view'
import { type FormEvent, useRef, useState } from 'react'

export interface LinkFieldProps {
  uploader: Uploader | null
  messages: ViewMessages
  /** Id prefix (from `useId`): the input is `${id}-url`, its refusal `${id}-url-error`. */
  id: string
  disabled: boolean
}

/**
 * "Add from a link" (`allowUrls`), the same tree as the vanilla widget's: a labelled URL input and an
 * Add button in a form (Enter submits). A refusal shows under it, tied by `aria-describedby`, and focus
 * goes back to the input; `noValidate`: our coded message, not the browser's bubble.
 */
export function LinkField({ uploader, messages, id, disabled }: LinkFieldProps) {
  const [error, setError] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const errorId = `${id}-url-error`
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const field = input.current
    if (!uploader || !field) return
    uploader.addUrl(field.value).then(
      () => {
        field.value = ''
        setError('')
      },
      (reason: Error) => {
        setError(reason.message) // addUrl refuses with an UploadError, its message localised
        field.focus()
      },
    )
  }
  return (
    <form className={classNames.link} noValidate onSubmit={submit}>
      <label htmlFor={`${id}-url`}>{viewText(messages, 'urlLabel')}</label>
      <input
        ref={input}
        className={classNames.linkInput}
        id={`${id}-url`}
        type="url"
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <button className={classNames.button} type="submit" disabled={disabled}>
        {viewText(messages, 'urlAdd')}
      </button>
      <span className={classNames.linkError} id={errorId} aria-live="polite">
        {error}
      </span>
    </form>
  )
}
