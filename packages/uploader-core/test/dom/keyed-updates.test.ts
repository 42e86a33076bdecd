import { FakeUploader, fakeFile } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '../../src/dom/index.js'
import type { FileState } from '../../src/types.js'
import { installObjectUrls } from './object-urls.js'

let host: HTMLElement
let urls: ReturnType<typeof installObjectUrls>

beforeEach(() => {
  host = document.createElement('div')
  document.body.append(host)
  urls = installObjectUrls()
})

afterEach(() => {
  host.remove()
  urls.restore()
})

const rows = () => Array.from(host.querySelectorAll<HTMLLIElement>('li.upkit-file'))
const button = (label: string) =>
  host.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`) as HTMLButtonElement

describe('keyed updates', () => {
  it('patches rows in place: same elements, focus kept on the same button across progress ticks', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const files = [fakeFile('a', 'uploading'), fakeFile('b', 'uploading'), fakeFile('c', 'queued')]
    uploader.setFiles(files)
    const before = rows()
    const cancelB = button('Cancel b.png')
    cancelB.focus()
    expect(document.activeElement).toBe(cancelB)
    for (let percent = 1; percent <= 90; percent += 7) {
      uploader.setFiles(files.map((file) => (file.status === 'uploading' ? { ...file, percent } : file)))
      expect(document.activeElement).toBe(cancelB)
    }
    expect(rows()).toEqual(before)
    expect(before[1]?.querySelector('progress')?.getAttribute('value')).toBe('85')
    // A new file appears before the focused row, another row goes: the focused row is not recreated.
    uploader.setFiles([fakeFile('z', 'queued'), files[1] as FileState, files[2] as FileState])
    expect(rows()[1]).toBe(before[1])
    expect(document.activeElement).toBe(cancelB)
    // Only the thumbnail of the gone row was revoked, and each row made one URL.
    expect(urls.revoke).toHaveBeenCalledTimes(1)
    expect(urls.create).toHaveBeenCalledTimes(4)
  })

  it('when the focused button goes away, focus moves to the row’s next button', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.setFiles([fakeFile('a', 'uploading')])
    button('Cancel a.png').focus()
    uploader.setFiles([fakeFile('a', 'cancelled')])
    expect(document.activeElement).toBe(button('Retry a.png'))
  })

  it('when a focused row is removed, focus goes to the row now in its place, then to the drop zone', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.setFiles([fakeFile('a', 'success'), fakeFile('b', 'success')])
    button('Remove a.png').focus()
    uploader.setFiles([fakeFile('b', 'success')])
    expect(document.activeElement).toBe(button('Remove b.png'))
    uploader.setFiles([])
    expect(document.activeElement).toBe(host.querySelector('.upkit-dropzone'))
  })

  it('Cancel all turning into Retry all keeps focus in the total actions', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.setFiles([fakeFile('a', 'uploading')])
    const cancelAll = Array.from(host.querySelectorAll('button')).find((b) => b.textContent === 'Cancel all')
    cancelAll?.focus()
    uploader.setFiles([fakeFile('a', 'cancelled')])
    expect(document.activeElement?.textContent).toBe('Retry all')
  })

  it('focus that left the widget is not pulled back', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const outside = document.createElement('button')
    document.body.append(outside)
    uploader.setFiles([fakeFile('a', 'uploading')])
    button('Cancel a.png').focus()
    outside.focus()
    uploader.setFiles([])
    expect(document.activeElement).toBe(outside)
    outside.remove()
  })

  it('500 files: progress ticks touch only what changed', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    let files = Array.from({ length: 500 }, (_, i) => fakeFile(`f${i}`, 'uploading'))
    uploader.setFiles(files)
    const before = rows()
    // A list this long draws only the rows in view (see long-list.test.ts).
    expect(before.length).toBeGreaterThan(7)
    expect(before.length).toBeLessThan(500)
    const observer = new MutationObserver(() => {})
    observer.observe(host.querySelector('.upkit-files') as Node, {
      childList: true,
      subtree: true,
      attributes: true,
      characterData: true,
    })
    files = files.map((file, i) => (i === 7 ? { ...file, percent: 30, bytesUploaded: 600 } : file))
    uploader.setFiles(files)
    const mutations = observer.takeRecords()
    observer.disconnect()
    expect(rows()).toEqual(before)
    // Only row 7 changed: its progress value, aria-valuetext and status text.
    const touched = new Set(
      mutations.map((m) => (m.target instanceof Element ? m.target : m.target.parentElement)?.closest('li')),
    )
    expect([...touched]).toEqual([before[7]])
    expect(mutations.length).toBeLessThanOrEqual(4)
  })

  it('the retry countdown ticks every second, and stops ticking when no file waits or uploads', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    try {
      const uploader = new FakeUploader()
      mount(host, { uploader })
      uploader.setFiles([fakeFile('a', 'retrying', { nextRetryAt: Date.now() + 3000 })])
      const status = host.querySelector('.upkit-file-status') as HTMLElement
      expect(status.textContent).toBe('Retrying in 3 s')
      vi.advanceTimersByTime(1000)
      expect(status.textContent).toBe('Retrying in 2 s')
      vi.advanceTimersByTime(1000)
      expect(status.textContent).toBe('Retrying in 1 s')
      uploader.setFiles([fakeFile('a', 'uploading', { percent: 1 })])
      expect(vi.getTimerCount()).toBe(1) // an upload that stops moving shows as stalled
      uploader.setFiles([fakeFile('a', 'success', { percent: 100 })])
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})
