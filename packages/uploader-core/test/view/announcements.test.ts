import { fakeFile, fakeSnapshot } from '@upkit/test-support'
import { describe, expect, it, vi } from 'vitest'
import { announcements, emptySnapshot, resolveMessages, totalProgress } from '../../src/view/index.js'

const messages = resolveMessages()

describe('announcements', () => {
  it('is silent when nothing changed', () => {
    const s = fakeSnapshot([fakeFile('a', 'uploading')])
    expect(announcements(s, s, messages)).toEqual([])
  })

  it('announces added files', () => {
    const next = fakeSnapshot([fakeFile('a', 'queued'), fakeFile('b', 'queued')])
    expect(announcements(emptySnapshot, next, messages)).toEqual(['2 files added.'])
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

describe('announcements in long lists', () => {
  const many = (count: number, prefix: string) =>
    Array.from({ length: count }, (_, i) => fakeFile(`${prefix}${i}`, 'queued'))
  const failed = (id: string) =>
    fakeFile(id, 'error', { error: { code: 'NETWORK_ERROR', message: 'Lost.', retryable: true } })

  it('counts files added after others were removed in the same change', () => {
    const prev = fakeSnapshot([fakeFile('a', 'success'), fakeFile('b', 'success'), fakeFile('c', 'queued')])
    const next = fakeSnapshot([fakeFile('c', 'queued'), fakeFile('d', 'queued'), fakeFile('e', 'queued')])
    expect(announcements(prev, next, messages)).toEqual(['2 files added.'])
  })

  it('counts files taken in over several changes (slices) together, and anew after a pause', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      const run = { count: 0, at: Number.NEGATIVE_INFINITY }
      const slices = [64, 128, 80].map((n, k) => fakeSnapshot(many(n, `s${k}-`)))
      let prev = emptySnapshot
      const said: string[][] = []
      for (const slice of slices) {
        const next = fakeSnapshot([...prev.files, ...slice.files])
        said.push(announcements(prev, next, messages, run))
        prev = next
        vi.advanceTimersByTime(100)
      }
      expect(said).toEqual([['64 files added.'], ['192 files added.'], ['272 files added.']])
      vi.advanceTimersByTime(5_000)
      const later = fakeSnapshot([...prev.files, fakeFile('late', 'queued')])
      expect(announcements(prev, later, messages, run)).toEqual(['1 file added.'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('names a failure among 10,000 files, and not a file that had failed before', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => fakeFile(`f${i}`, 'uploading'))
    files[9] = failed('f9')
    const prev = fakeSnapshot(files)
    const next = fakeSnapshot(files.map((file, i) => (i === 7_000 ? failed('f7000') : file)))
    expect(announcements(prev, next, messages)).toEqual(['f7000.png failed: Lost.'])
  })
})

describe('totalProgress', () => {
  it('formats the totals and the buttons that apply', () => {
    const files = [fakeFile('a', 'uploading', { size: 1000 }), fakeFile('b', 'error', { size: 1000 })]
    const s = fakeSnapshot(files, { percent: 50 })
    const model = totalProgress(
      { ...s, totals: { ...s.totals, speed: 2000, eta: 30 }, isUploading: true },
      messages,
      'en',
    )
    expect(model).toMatchObject({
      visible: true,
      percent: 50,
      label: 'Total upload progress',
      summary: '50% · 1 kB of 2 kB',
      speed: '2 kB/s',
      eta: '30 sec left',
      canRetryAll: true,
      canCancelAll: true,
      canClearFinished: true,
    })
    expect(model.valueText).toBe('50% · 1 kB of 2 kB, 2 kB/s, 30 sec left')
  })

  it('offers Clear finished only once a file is done, failed or cancelled', () => {
    const running = fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'retrying')])
    expect(totalProgress(running, messages).canClearFinished).toBe(false)
    for (const status of ['success', 'error', 'cancelled'] as const) {
      const s = fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', status)])
      expect(totalProgress(s, messages).canClearFinished).toBe(true)
    }
  })

  it('is hidden without files', () => {
    expect(totalProgress(emptySnapshot, messages).visible).toBe(false)
  })
})
