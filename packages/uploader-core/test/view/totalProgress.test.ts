import { fakeFile, fakeSnapshot } from '@upkit/test-support'
import { describe, expect, it } from 'vitest'
import { de } from '../../src/locales/de.js'
import { fr } from '../../src/locales/fr.js'
import { announcements, resolveMessages, STALL_HINT_MS, totalProgress } from '../../src/view/index.js'

const messages = resolveMessages()

describe('totalProgress once nothing is left to send', () => {
  it('says what the batch came to, never "0 bytes of 0 bytes"', () => {
    const files = [fakeFile('a', 'success'), fakeFile('b', 'success'), fakeFile('c', 'error')]
    // the engine leaves failed files out of the bytes
    const model = totalProgress(
      fakeSnapshot(files, { bytesUploaded: 4096, bytesTotal: 4096, percent: 100 }),
      messages,
      'en',
    )
    expect(model.summary).toBe('2 uploaded · 1 failed')
    expect(model.showBar).toBe(true)
    expect(model.percent).toBe(100)
  })

  it('draws no bar when every file failed or was cancelled', () => {
    const files = [fakeFile('a', 'error'), fakeFile('b', 'cancelled')]
    const model = totalProgress(
      fakeSnapshot(files, { bytesUploaded: 0, bytesTotal: 0, percent: 0 }),
      messages,
    )
    expect(model.summary).toBe('1 failed · 1 cancelled')
    expect(model.showBar).toBe(false)
    expect(model.valueText).not.toContain('0 bytes')
  })

  it('uses plural forms in each locale', () => {
    const files = [fakeFile('a', 'success'), fakeFile('b', 'cancelled'), fakeFile('c', 'cancelled')]
    const s = fakeSnapshot(files, { bytesUploaded: 2048, bytesTotal: 2048, percent: 100 })
    expect(totalProgress(s, resolveMessages(fr), 'fr').summary).toBe('1 envoyé · 2 annulés')
    expect(totalProgress(s, resolveMessages(de), 'de').summary).toBe('1 hochgeladen · 2 abgebrochen')
  })
})

describe('totalProgress while uploading', () => {
  const totals = { bytesUploaded: 1000, bytesTotal: 4000, speed: 2000, eta: 2 }

  it('shows the bytes meant to upload, the speed and the time left', () => {
    const s = fakeSnapshot([fakeFile('a', 'uploading', { size: 4000, progressAt: 0 })], totals)
    const model = totalProgress(s, messages, 'en', 1000)
    expect([model.summary, model.speed, model.eta]).toEqual(['25% · 1 kB of 4 kB', '2 kB/s', '2 sec left'])
  })

  it('gives no time left while a file waits to retry', () => {
    const files = [fakeFile('a', 'uploading', { size: 2000 }), fakeFile('b', 'retrying', { size: 2000 })]
    const model = totalProgress(fakeSnapshot(files, totals), messages, 'en')
    expect(model.summary).toBe('25% · 1 kB of 4 kB')
    expect(model.eta).toBe('')
    expect(model.speed).toBe('')
  })

  it('gives no time left once an upload has not moved for a few seconds', () => {
    const s = fakeSnapshot([fakeFile('a', 'uploading', { size: 4000, progressAt: 0 })], totals)
    expect(totalProgress(s, messages, 'en', STALL_HINT_MS - 1).eta).toBe('2 sec left')
    expect(totalProgress(s, messages, 'en', STALL_HINT_MS).eta).toBe('')
  })
})

describe('milestones while retrying', () => {
  it('announces none: the total drops and climbs again as the file is sent again', () => {
    const prev = fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'retrying')], { percent: 10 })
    const next = fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'retrying')], { percent: 80 })
    expect(announcements(prev, next, messages)).toEqual([])
  })
})
