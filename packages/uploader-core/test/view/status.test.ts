import { fakeFile } from '@upkit/test-support'
import { describe, expect, it } from 'vitest'
import { de } from '../../src/locales/de.js'
import {
  acceptAttribute,
  canPreview,
  errorText,
  fileActions,
  fileStatusLabel,
  rejectionText,
  resolveMessages,
} from '../../src/view/index.js'

const messages = resolveMessages()

describe('fileStatusLabel', () => {
  it('names every status', () => {
    expect(fileStatusLabel(fakeFile('a', 'queued'), messages)).toBe('Waiting')
    expect(fileStatusLabel(fakeFile('a', 'signing'), messages)).toBe('Preparing')
    expect(fileStatusLabel(fakeFile('a', 'uploading', { percent: 42 }), messages, { locale: 'en' })).toBe(
      'Uploading 42%',
    )
    expect(fileStatusLabel(fakeFile('a', 'success'), messages)).toBe('Done')
    expect(fileStatusLabel(fakeFile('a', 'error'), messages)).toBe('Failed')
    expect(fileStatusLabel(fakeFile('a', 'cancelled'), messages)).toBe('Cancelled')
  })

  it('counts down to the next retry', () => {
    const retrying = fakeFile('a', 'retrying', { nextRetryAt: 10_000 })
    expect(fileStatusLabel(retrying, messages, { now: 5_100 })).toBe('Retrying in 5s')
    expect(fileStatusLabel(retrying, messages, { now: 20_000 })).toBe('Retrying in 0s')
  })

  it('says when a retry waits for the network', () => {
    const waiting = fakeFile('a', 'retrying', { waitingForNetwork: true })
    expect(fileStatusLabel(waiting, messages)).toBe(messages.statusWaitingForNetwork)
  })

  it('uses the locale', () => {
    expect(fileStatusLabel(fakeFile('a', 'success'), resolveMessages(de))).toBe(de.statusSuccess)
  })
})

describe('fileActions', () => {
  it('offers cancel while busy, retry and remove once stopped', () => {
    expect(fileActions(fakeFile('a', 'uploading'))).toEqual({ cancel: true, retry: false, remove: false })
    expect(fileActions(fakeFile('a', 'retrying'))).toEqual({ cancel: true, retry: false, remove: false })
    expect(fileActions(fakeFile('a', 'error'))).toEqual({ cancel: false, retry: true, remove: true })
    expect(fileActions(fakeFile('a', 'success'))).toEqual({ cancel: false, retry: false, remove: true })
  })
})

describe('errorText', () => {
  it('adds the request id once', () => {
    const error = { code: 'SERVER_ERROR', message: 'Broke.', retryable: true, requestId: 'req-1' } as const
    expect(errorText(error, messages)).toBe('Broke. Request ID: req-1')
    expect(errorText({ ...error, message: 'Broke. Request ID: req-1' }, messages)).toBe(
      'Broke. Request ID: req-1',
    )
    expect(errorText(undefined, messages)).toBe('')
  })

  it('names the file in a rejection', () => {
    expect(rejectionText('a.png', '“a.png” is too large.', messages)).toBe('“a.png” is too large.')
    expect(rejectionText('a.png', 'Too large.', messages)).toBe('“a.png” was not added: Too large.')
  })
})

describe('misc', () => {
  it('derives accept from allowedFileTypes', () => {
    expect(acceptAttribute(['image/*', '.pdf'])).toBe('image/*,.pdf')
    expect(acceptAttribute(['*/*'])).toBeUndefined()
    expect(acceptAttribute(null)).toBeUndefined()
  })

  it('previews only images the browser can draw', () => {
    expect(canPreview({ type: 'image/png' })).toBe(true)
    expect(canPreview({ type: 'image/heic' })).toBe(false)
    expect(canPreview({ type: 'application/pdf' })).toBe(false)
  })

  it('lets overrides win over the locale', () => {
    expect(resolveMessages(de, { statusSuccess: 'Fertig!' }).statusSuccess).toBe('Fertig!')
    expect(resolveMessages().dismiss).toBe('Dismiss')
  })
})

describe('a prepared file', () => {
  it('says what preparing saved once it is done, and "Optimising…" meanwhile', () => {
    const done = fakeFile('photo.jpg', 'success', { size: 900_000, originalSize: 10_000_000 })
    expect(fileStatusLabel(done, resolveMessages(), { locale: 'en' })).toBe('Done · 8.7 MB saved') // binary steps, like every size in the widgets
    expect(fileStatusLabel(fakeFile('photo.jpg', 'preparing'), resolveMessages())).toBe('Optimising…')
    expect(
      fileStatusLabel(fakeFile('same.jpg', 'success', { size: 5, originalSize: 5 }), resolveMessages()),
    ).toBe('Done')
  })
})
