import userEvent from '@testing-library/user-event'
import { FakeUploader, fakeFile } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '../../src/dom/index.js'
import type { FileState, FileStatus } from '../../src/types.js'
import { startView } from '../../src/view/index.js'
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

const ROW = startView.row // jsdom has no layout: rows keep the estimated pitch
const many = (count: number, status: FileStatus = 'uploading'): FileState[] =>
  Array.from({ length: count }, (_, i) => fakeFile(`f${i}`, status))
const list = () => host.querySelector('ul.upkit-files') as HTMLUListElement
const rows = () => Array.from(host.querySelectorAll<HTMLLIElement>('li.upkit-file'))
const names = () => rows().map((row) => row.querySelector('.upkit-file-name')?.textContent)

/** Scrolls the list as a browser would: a 400 px viewport at `top`, then a scroll event. */
function scrollTo(top: number): void {
  Object.defineProperty(list(), 'clientHeight', { value: 400, configurable: true })
  Object.defineProperty(list(), 'scrollTop', { value: top, configurable: true })
  list().dispatchEvent(new Event('scroll'))
}

function mountWith(files: FileState[]): FakeUploader {
  const uploader = new FakeUploader()
  mount(host, { uploader })
  uploader.setFiles(files)
  return uploader
}

describe('a long list (mount)', () => {
  it('10,000 files: a few dozen rows in a scroll box, each telling its place among 10,000', () => {
    mountWith(many(10_000))
    expect(list().className).toBe('upkit-files upkit-files--virtual')
    expect(rows().length).toBeGreaterThan(5)
    expect(rows().length).toBeLessThanOrEqual(300)
    expect(names()[0]).toBe('f0.png')
    rows().forEach((row, i) => {
      expect(row.getAttribute('aria-setsize')).toBe('10000')
      expect(row.getAttribute('aria-posinset')).toBe(String(i + 1))
    })
    // Margins on the first and last rows drawn stand in for the rows not drawn.
    expect(rows()[0]?.getAttribute('style')).toBe('margin-top: 0px;')
    expect(rows()[1]?.hasAttribute('style')).toBe(false)
    expect(rows().at(-1)?.getAttribute('style')).toBe(`margin-bottom: ${(10_000 - rows().length) * ROW}px;`)
  })

  it('scrolling to the end shows the last files, and back to the top the first', () => {
    mountWith(many(10_000))
    scrollTo(10_000 * ROW - 400)
    expect(names().at(-1)).toBe('f9999.png')
    expect(rows().at(-1)?.getAttribute('aria-posinset')).toBe('10000')
    expect(rows().at(-1)?.style.marginBottom).toBe('0px')
    expect(rows()[0]?.style.marginTop).toBe(`${(10_000 - rows().length) * ROW}px`)
    expect(rows().length).toBeLessThanOrEqual(300)
    scrollTo(5_000 * ROW)
    expect(names()).toContain('f5000.png')
    scrollTo(0)
    expect(names()[0]).toBe('f0.png')
  })

  it('rows scrolled away are destroyed: their thumbnails’ object URLs are revoked', () => {
    mountWith(many(10_000))
    for (let top = 0; top < 2_000 * ROW; top += 300 * ROW) scrollTo(top)
    expect(urls.live.size).toBe(rows().length)
  })

  it('totals and announcements count every file, not the rows drawn', () => {
    const uploader = mountWith(many(10_000, 'queued'))
    expect(host.querySelector('.upkit-live')?.textContent).toBe('10000 files added.')
    expect(host.querySelector('.upkit-total-text')?.textContent).toBe('0% · 0 bytes of 20.5 MB')
    const files = uploader.snapshot.files.map((file, i) =>
      i === 9_000
        ? fakeFile(file.id, 'error', { error: { code: 'TIMEOUT', message: 'Stuck.', retryable: true } })
        : file,
    )
    uploader.setFiles(files)
    expect(host.querySelector('.upkit-live')?.textContent).toBe('f9000.png failed: Stuck.')
  })

  it('up to 100 files: every row, no scroll box, no position attributes (as before)', () => {
    mountWith(many(100))
    expect(rows()).toHaveLength(100)
    expect(list().className).toBe('upkit-files')
    expect(list().hasAttribute('style')).toBe(false)
    expect(rows()[0]?.hasAttribute('aria-setsize')).toBe(false)
  })

  it('a list that shrinks while scrolled to the end shows its new end', () => {
    const uploader = mountWith(many(10_000))
    scrollTo(10_000 * ROW - 400)
    uploader.setFiles(many(150))
    expect(names().at(-1)).toBe('f149.png')
  })
})

describe('a long list and the keyboard', () => {
  it('Tab goes from the drop zone to the first row’s button, then the next row’s', async () => {
    mountWith(many(10_000))
    const user = userEvent.setup()
    await user.tab()
    expect(document.activeElement).toBe(host.querySelector('.upkit-dropzone'))
    await user.tab()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Cancel f0.png')
    await user.tab()
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Cancel f1.png')
  })

  it('a focused row scrolled out of view stays drawn and keeps focus; back in view it is in its place', () => {
    mountWith(many(10_000))
    const cancel = host.querySelector<HTMLButtonElement>('[aria-label="Cancel f3.png"]') as HTMLButtonElement
    cancel.focus()
    scrollTo(9_000 * ROW)
    expect(document.activeElement).toBe(cancel)
    expect(cancel.isConnected).toBe(true)
    // Drawn just above the rows in view, with its real place for screen readers.
    expect(rows()[0]?.getAttribute('aria-posinset')).toBe('4')
    expect(names()).toContain('f9000.png')
    expect(rows().length).toBeLessThanOrEqual(300)
    scrollTo(0)
    expect(names().slice(0, 5)).toEqual(['f0.png', 'f1.png', 'f2.png', 'f3.png', 'f4.png'])
    expect(document.activeElement).toBe(cancel)
  })

  it('once focus leaves the list, the kept row goes with the next scroll', () => {
    mountWith(many(10_000))
    ;(host.querySelector('[aria-label="Cancel f3.png"]') as HTMLButtonElement).focus()
    scrollTo(9_000 * ROW)
    ;(host.querySelector('.upkit-dropzone') as HTMLElement).focus()
    scrollTo(9_001 * ROW)
    expect(names()).not.toContain('f3.png')
  })
})

describe('Clear finished', () => {
  it('shows once a file is finished and sends clearFinished() to the engine', () => {
    const uploader = mountWith(many(3, 'uploading'))
    const clear = () =>
      Array.from(host.querySelectorAll('.upkit-actions button')).find(
        (b) => b.textContent === 'Clear finished',
      )
    expect(clear()).toBeUndefined()
    uploader.setFiles([...many(2, 'uploading'), fakeFile('done', 'success')])
    ;(clear() as HTMLButtonElement).click()
    expect(uploader.clearFinished).toHaveBeenCalledTimes(1)
  })

  it('the pressed button gone, focus stays in the total actions', () => {
    const uploader = mountWith([fakeFile('a', 'uploading'), fakeFile('b', 'success')])
    const clear = Array.from(host.querySelectorAll<HTMLButtonElement>('.upkit-actions button')).find(
      (b) => b.textContent === 'Clear finished',
    ) as HTMLButtonElement
    clear.focus()
    clear.click()
    uploader.setFiles([fakeFile('a', 'uploading')])
    expect(document.activeElement?.textContent).toBe('Cancel all')
  })
})
