import { describe, expect, it } from 'vitest'
import { announcements, emptySnapshot, resolveMessages, totalProgress } from '../../src/view/index.js'
import { file, snapshot } from './fixtures.js'

const messages = resolveMessages()

describe('announcements', () => {
  it('is silent when nothing changed', () => {
    const s = snapshot([file('a', 'uploading')])
    expect(announcements(s, s, messages)).toEqual([])
  })

  it('announces added files', () => {
    const next = snapshot([file('a', 'queued'), file('b', 'queued')])
    expect(announcements(emptySnapshot, next, messages)).toEqual(['2 file(s) added.'])
  })

  it('announces each milestone once, not every tick', () => {
    const files = [file('a', 'uploading')]
    expect(announcements(snapshot(files, 10), snapshot(files, 20), messages)).toEqual([])
    expect(announcements(snapshot(files, 20), snapshot(files, 26), messages)).toEqual([
      'Uploads 25% complete.',
    ])
    expect(announcements(snapshot(files, 26), snapshot(files, 49), messages)).toEqual([])
    expect(announcements(snapshot(files, 49), snapshot(files, 80), messages)).toEqual([
      'Uploads 75% complete.',
    ])
  })

  it('announces a failure with its message', () => {
    const error = { code: 'SERVER_ERROR', message: 'Broke.', retryable: false, requestId: 'r1' } as const
    const prev = snapshot([file('a', 'uploading'), file('b', 'uploading')])
    const next = snapshot([file('a', 'error', { error }), file('b', 'uploading')])
    expect(announcements(prev, next, messages)).toEqual(['a.jpg failed: Broke. Request ID: r1'])
  })

  it('announces completion with the counts', () => {
    const prev = snapshot([file('a', 'uploading'), file('b', 'error')])
    const next = snapshot([file('a', 'success'), file('b', 'error')], 100)
    expect(announcements(prev, next, messages)).toEqual(['All uploads finished: 1 succeeded, 1 failed.'])
  })

  it('announces going offline once', () => {
    const files = [file('a', 'retrying', { waitingForNetwork: true })]
    const online = snapshot(files)
    const offline = snapshot(files, 0, { online: false })
    expect(announcements(online, offline, messages)).toEqual([messages.offline])
    expect(announcements(offline, snapshot(files, 0, { online: false }), messages)).toEqual([])
  })

  it('does not announce completion when everything was cancelled', () => {
    const prev = snapshot([file('a', 'uploading')])
    const next = snapshot([file('a', 'cancelled')])
    expect(announcements(prev, next, messages)).toEqual([])
  })
})

describe('totalProgress', () => {
  it('formats the totals and the buttons that apply', () => {
    const s = snapshot([file('a', 'uploading'), file('b', 'error')], 50, {})
    const model = totalProgress(
      { ...s, totals: { ...s.totals, speed: 2048, eta: 30 }, isUploading: true },
      messages,
      'en',
    )
    expect(model).toMatchObject({
      visible: true,
      percent: 50,
      label: 'Total upload progress',
      summary: '50% · 1,000 bytes of 2 kB',
      speed: '2 kB/s',
      eta: '30 sec left',
      canRetryAll: true,
      canCancelAll: true,
    })
    expect(model.valueText).toBe('50% · 1,000 bytes of 2 kB, 2 kB/s, 30 sec left')
  })

  it('is hidden without files', () => {
    expect(totalProgress(emptySnapshot, messages).visible).toBe(false)
  })
})
