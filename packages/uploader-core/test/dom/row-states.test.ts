import { FakeUploader, fakeFile } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '../../src/dom/index.js'
import { de } from '../../src/locales/de.js'
import { STALL_HINT_MS } from '../../src/view/index.js'
import { freshHost } from './fresh-host.js'

const host = freshHost()
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
})

const result = {
  fileId: 'f1',
  name: 'a.png',
  filePath: '/a.png',
  url: 'https://ik.imagekit.io/demo/a.png',
  size: 2048,
}
const row = (id: string) => host().querySelector(`li.upkit-file:nth-child(${id})`) as HTMLLIElement
const text = (selector: string) => host().querySelector(selector)?.textContent

function showing(...files: ReturnType<typeof fakeFile>[]) {
  const uploader = new FakeUploader()
  mount(host(), { uploader })
  uploader.setFiles(files)
  return uploader
}

describe('mount: rows tell the truth', () => {
  it('a failed or cancelled row has no progress bar, only its status', () => {
    showing(fakeFile('a', 'error', { percent: 95 }), fakeFile('b', 'cancelled', { percent: 90 }))
    expect(row('1').querySelector('progress')).toBeNull()
    expect(row('1').querySelector('.upkit-file-status')?.textContent).toBe('Failed')
    expect(row('2').querySelector('progress')).toBeNull()
    expect(row('2').querySelector('.upkit-file-status')?.textContent).toBe('Cancelled')
  })

  it('a retrying row says why and counts down from the engine’s retry time', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    showing(fakeFile('a', 'retrying', { nextRetryAt: Date.now() + 4000, retryReason: 'server-busy' }))
    expect(text('.upkit-file-status')).toBe('Server busy — retrying in 4 s')
    vi.advanceTimersByTime(2000)
    expect(text('.upkit-file-status')).toBe('Server busy — retrying in 2 s')
  })

  it('an upload that stops moving says so, and the total gives no time left', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const uploader = new FakeUploader()
    mount(host(), { uploader })
    const file = fakeFile('a', 'uploading', { percent: 99, bytesUploaded: 2000, progressAt: Date.now() })
    uploader.setFiles([file], { speed: 1000, eta: 1 })
    expect(text('.upkit-file-status')).toBe('Uploading 99%')
    expect(text('.upkit-total-text')).toContain('1 sec left')
    vi.advanceTimersByTime(STALL_HINT_MS)
    expect(text('.upkit-file-status')).toBe('Waiting for the network…')
    expect(text('.upkit-total-text')).not.toContain('left')
  })

  it('the total shows the outcome once nothing is left to send, with no bar when nothing was stored', () => {
    const uploader = new FakeUploader()
    mount(host(), { uploader })
    uploader.setFiles([fakeFile('a', 'error'), fakeFile('b', 'cancelled')], {
      bytesUploaded: 0,
      bytesTotal: 0,
      percent: 0,
    })
    expect(text('.upkit-total-text')).toBe('1 failed · 1 cancelled')
    expect(host().querySelector('.upkit-progress--total')).toBeNull()
  })
})

describe('mount: a stored file', () => {
  it('links to its ImageKit URL in a new tab', () => {
    showing(fakeFile('a', 'success', { percent: 100, result }))
    const link = host().querySelector('a.upkit-file-name') as HTMLAnchorElement
    expect(link.getAttribute('href')).toBe(result.url)
    expect(link.target).toBe('_blank')
    expect(link.rel).toBe('noopener')
    expect(link.getAttribute('aria-label')).toBe('a.png (opens in a new tab)')
  })

  it('Copy link puts the URL on the clipboard and says "Link copied" for a while', async () => {
    const writeText = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    showing(fakeFile('a', 'success', { percent: 100, result }))
    const button = host().querySelector('button[aria-label="Copy link to a.png"]') as HTMLButtonElement
    button.click()
    await vi.waitFor(() => expect(text('.upkit-file-note')).toBe('Link copied'))
    expect(writeText).toHaveBeenCalledWith(result.url)
    expect(host().querySelector('.upkit-file-note')?.getAttribute('aria-live')).toBe('polite')
    vi.advanceTimersByTime(3000)
    expect(text('.upkit-file-note')).toBe('')
  })

  it('without a clipboard, shows the link to copy by hand, in the locale', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    const uploader = new FakeUploader()
    mount(host(), { uploader, locale: de, intlLocale: 'de' })
    uploader.setFiles([fakeFile('a', 'success', { percent: 100, result })])
    const button = host().querySelector('button[aria-label="Link kopieren: a.png"]') as HTMLButtonElement
    expect(button.textContent).toBe('Link kopieren')
    button.click()
    await vi.waitFor(() =>
      expect(text('.upkit-file-note')).toBe(`Kopieren ist hier nicht möglich. Der Link: ${result.url}`),
    )
  })

  it('once reverted (deleted in ImageKit), a visible notice says so', () => {
    const uploader = showing(fakeFile('a', 'success', { percent: 100, result }))
    const file = uploader.snapshot.files[0]!
    uploader.setFiles([])
    uploader.emit('file-reverted', { file })
    const notice = host().querySelector('.upkit-message') as HTMLElement
    expect(notice.classList).toContain('upkit-message--info')
    expect(notice.querySelector('.upkit-message-text')?.textContent).toBe('“a.png” was deleted.')
  })
})
