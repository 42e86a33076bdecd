import { fakeFile } from '@upkit/test-support'
import { describe, expect, it } from 'vitest'
import { de } from '../../src/locales/de.js'
import {
  acceptAttribute,
  canPreview,
  errorText,
  fileActions,
  fileLink,
  fileStatusLabel,
  rejectionText,
  resolveMessages,
  STALL_HINT_MS,
  showsProgress,
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
    expect(fileStatusLabel(retrying, messages, { now: 5_100 })).toBe('Retrying in 5 s')
    expect(fileStatusLabel(retrying, messages, { now: 20_000 })).toBe('Retrying in 0 s')
  })

  it('says why a file is retrying, and when', () => {
    const busy = fakeFile('a', 'retrying', { nextRetryAt: 10_000, retryReason: 'server-busy' })
    expect(fileStatusLabel(busy, messages, { now: 6_000 })).toBe('Server busy — retrying in 4 s')
    expect(fileStatusLabel(busy, messages, { now: 7_000 })).toBe('Server busy — retrying in 3 s')
    const lost = fakeFile('a', 'retrying', { nextRetryAt: 10_000, retryReason: 'network' })
    expect(fileStatusLabel(lost, messages, { now: 8_000 })).toBe('Connection lost — retrying in 2 s')
    const stalled = fakeFile('a', 'retrying', { nextRetryAt: 10_000, retryReason: 'stalled' })
    expect(fileStatusLabel(stalled, messages, { now: 10_000 })).toBe('Stalled — retrying…')
    expect(fileStatusLabel(busy, resolveMessages(de), { now: 6_000 })).toBe(
      'Server ausgelastet – neuer Versuch in 4 s',
    )
  })

  it('says "Waiting for the network…" once an upload has not moved for a few seconds', () => {
    const moving = fakeFile('a', 'uploading', { percent: 99, progressAt: 1_000 })
    expect(fileStatusLabel(moving, messages, { now: 1_000 + STALL_HINT_MS - 1, locale: 'en' })).toBe(
      'Uploading 99%',
    )
    expect(fileStatusLabel(moving, messages, { now: 1_000 + STALL_HINT_MS })).toBe('Waiting for the network…')
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
    const none = { cancel: false, retry: false, copy: false, remove: false }
    expect(fileActions(fakeFile('a', 'uploading'))).toEqual({ ...none, cancel: true })
    expect(fileActions(fakeFile('a', 'retrying'))).toEqual({ ...none, cancel: true })
    expect(fileActions(fakeFile('a', 'error'))).toEqual({ ...none, retry: true, remove: true })
    expect(fileActions(fakeFile('a', 'success'))).toEqual({ ...none, remove: true })
  })

  it('offers Copy link for a stored file with its ImageKit URL', () => {
    const result = {
      fileId: 'f1',
      name: 'a.png',
      filePath: '/a.png',
      url: 'https://ik.imagekit.io/demo/a.png',
      size: 3,
    }
    const stored = fakeFile('a', 'success', { result })
    expect(fileActions(stored).copy).toBe(true)
    expect(fileLink(stored)).toBe('https://ik.imagekit.io/demo/a.png')
    expect(
      fileLink(fakeFile('a', 'success', { result: { ...result, url: 'javascript:alert(1)' } })),
    ).toBeNull()
    expect(fileLink(fakeFile('a', 'uploading'))).toBeNull()
  })
})

describe('showsProgress', () => {
  it('draws no bar for a failed or cancelled file', () => {
    expect(showsProgress(fakeFile('a', 'error', { percent: 95 }))).toBe(false)
    expect(showsProgress(fakeFile('a', 'cancelled', { percent: 95 }))).toBe(false)
    expect(showsProgress(fakeFile('a', 'uploading'))).toBe(true)
    expect(showsProgress(fakeFile('a', 'success', { percent: 100 }))).toBe(true)
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
    expect(fileStatusLabel(done, resolveMessages(), { locale: 'en' })).toBe('Done · 9.1 MB saved') // decimal units, like every size in the widgets
    expect(fileStatusLabel(fakeFile('photo.jpg', 'preparing'), resolveMessages())).toBe('Optimising…')
    expect(
      fileStatusLabel(fakeFile('same.jpg', 'success', { size: 5, originalSize: 5 }), resolveMessages()),
    ).toBe('Done')
  })
})
