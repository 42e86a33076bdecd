import { fakeFile, fakeSnapshot } from '@upkit/test-support'
import { describe, expect, it } from 'vitest'
import { announcements, emptySnapshot, resolveMessages, totalProgress } from '../../src/view/index.js'

const messages = resolveMessages()

describe('announcements', () => {
  it('is silent when nothing changed', () => {
    const s = fakeSnapshot([fakeFile('a', 'uploading')])
    expect(announcements(s, s, messages)).toEqual([])
  })

  it('announces added files', () => {
    const next = fakeSnapshot([fakeFile('a', 'queued'), fakeFile('b', 'queued')])
    expect(announcements(emptySnapshot, next, messages)).toEqual(['2 file(s) added.'])
  })

  it('announces each milestone once, not every tick', () => {
    const files = [fakeFile('a', 'uploading')]
    expect(
      announcements(fakeSnapshot(files, { percent: 10 }), fakeSnapshot(files, { percent: 20 }), messages),
    ).toEqual([])
    expect(
      announcements(fakeSnapshot(files, { percent: 20 }), fakeSnapshot(files, { percent: 26 }), messages),
    ).toEqual(['Uploads 25% complete.'])
    expect(
      announcements(fakeSnapshot(files, { percent: 26 }), fakeSnapshot(files, { percent: 49 }), messages),
    ).toEqual([])
    expect(
      announcements(fakeSnapshot(files, { percent: 49 }), fakeSnapshot(files, { percent: 80 }), messages),
    ).toEqual(['Uploads 75% complete.'])
  })

  it('announces a failure with its message', () => {
    const error = { code: 'SERVER_ERROR', message: 'Broke.', retryable: false, requestId: 'r1' } as const
    const prev = fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'uploading')])
    const next = fakeSnapshot([fakeFile('a', 'error', { error }), fakeFile('b', 'uploading')])
    expect(announcements(prev, next, messages)).toEqual(['a.png failed: Broke. Request ID: r1'])
  })

  it('announces completion with the counts', () => {
    const prev = fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'error')])
    const next = fakeSnapshot([fakeFile('a', 'success'), fakeFile('b', 'error')], { percent: 100 })
    expect(announcements(prev, next, messages)).toEqual(['All uploads finished: 1 succeeded, 1 failed.'])
  })

  it('announces going offline once', () => {
    const files = [fakeFile('a', 'retrying', { waitingForNetwork: true })]
    const online = fakeSnapshot(files)
    const offline = fakeSnapshot(files, { percent: 0 }, { online: false })
    expect(announcements(online, offline, messages)).toEqual([messages.offline])
    expect(announcements(offline, fakeSnapshot(files, { percent: 0 }, { online: false }), messages)).toEqual(
      [],
    )
  })

  it('does not announce completion when everything was cancelled', () => {
    const prev = fakeSnapshot([fakeFile('a', 'uploading')])
    const next = fakeSnapshot([fakeFile('a', 'cancelled')])
    expect(announcements(prev, next, messages)).toEqual([])
  })
})

describe('totalProgress', () => {
  it('formats the totals and the buttons that apply', () => {
    const files = [fakeFile('a', 'uploading', { size: 1000 }), fakeFile('b', 'error', { size: 1000 })]
    const s = fakeSnapshot(files, { percent: 50 })
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
