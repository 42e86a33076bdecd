import { act, fireEvent, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FakeUploader, fakeFile } from '@upkit/test-support'
import type { FileState, FileStatus } from '@upkit/uploader-core'
import { startView } from '@upkit/uploader-core/view'
import { beforeEach, describe, expect, it } from 'vitest'
import { Uploader } from '../src/index.js'
import { axeViolations } from './axe.js'
import { stubObjectUrls } from './objectUrls.js'

let urls: ReturnType<typeof stubObjectUrls>
beforeEach(() => {
  urls = stubObjectUrls()
})

const ROW = startView.row // jsdom has no layout: rows keep the estimated pitch
const many = (count: number, status: FileStatus = 'uploading'): FileState[] =>
  Array.from({ length: count }, (_, i) => fakeFile(`f${i}`, status))
const list = () => screen.getByRole('list', { name: 'Files' })
const rows = () => Array.from(list().querySelectorAll<HTMLLIElement>('li.upkit-file'))
const names = () => rows().map((row) => row.querySelector('.upkit-file-name')?.textContent)

/** Scrolls the list as a browser would: a 400 px viewport at `top`, then a scroll event. */
function scrollTo(top: number): void {
  Object.defineProperty(list(), 'clientHeight', { value: 400, configurable: true })
  Object.defineProperty(list(), 'scrollTop', { value: top, configurable: true })
  fireEvent.scroll(list())
}

function renderWith(files: FileState[]): FakeUploader {
  const uploader = new FakeUploader()
  render(<Uploader uploader={uploader} />)
  act(() => void uploader.setFiles(files))
  return uploader
}

describe('<Uploader> with a long list', () => {
  it('10,000 files: a few dozen rows in a scroll box, each telling its place among 10,000', () => {
    renderWith(many(10_000))
    expect(list()).toHaveClass('upkit-files', 'upkit-files--virtual')
    expect(rows().length).toBeGreaterThan(5)
    expect(rows().length).toBeLessThanOrEqual(300)
    rows().forEach((row, i) => {
      expect(row).toHaveAttribute('aria-setsize', '10000')
      expect(row).toHaveAttribute('aria-posinset', String(i + 1))
    })
    // Margins on the first and last rows drawn stand in for the rows not drawn.
    expect(rows()[0]).toHaveAttribute('style', 'margin-top: 0px;')
    expect(rows()[1]).not.toHaveAttribute('style')
    expect(rows().at(-1)).toHaveAttribute('style', `margin-bottom: ${(10_000 - rows().length) * ROW}px;`)
  })

  it('scrolling to the end shows the last files, and back to the top the first', () => {
    renderWith(many(10_000))
    act(() => scrollTo(10_000 * ROW - 400))
    expect(names().at(-1)).toBe('f9999.png')
    expect(rows().at(-1)).toHaveAttribute('aria-posinset', '10000')
    expect(rows().at(-1)?.style.marginBottom).toBe('0px')
    expect(rows()[0]?.style.marginTop).toBe(`${(10_000 - rows().length) * ROW}px`)
    expect(rows().length).toBeLessThanOrEqual(300)
    act(() => scrollTo(0))
    expect(names()[0]).toBe('f0.png')
  })

  it('rows scrolled away release their thumbnails’ object URLs', () => {
    renderWith(many(10_000))
    for (let top = 0; top < 2_000 * ROW; top += 300 * ROW) act(() => scrollTo(top))
    expect(urls.create.mock.calls.length - urls.revoke.mock.calls.length).toBe(rows().length)
  })

  it('totals and announcements count every file, not the rows drawn', () => {
    renderWith(many(10_000, 'queued'))
    expect(screen.getByRole('status')).toHaveTextContent('10000 files added.')
    expect(screen.getByText('0% · 0 bytes of 20.5 MB')).toBeInTheDocument()
  })

  it('up to 100 files: every row, no scroll box, no position attributes (as before)', () => {
    renderWith(many(100))
    expect(rows()).toHaveLength(100)
    expect(list()).toHaveAttribute('class', 'upkit-files')
    expect(list()).not.toHaveAttribute('style')
    expect(rows()[0]).not.toHaveAttribute('aria-setsize')
  })

  it('has no axe violations', async () => {
    renderWith(many(10_000))
    act(() => scrollTo(5_000 * ROW))
    expect(await axeViolations(list().closest('.upkit') as Element)).toEqual([])
  })
})

describe('<Uploader> long list and the keyboard', () => {
  it('Tab goes from the drop zone to the first row’s button, then the next row’s', async () => {
    renderWith(many(10_000))
    const user = userEvent.setup()
    await user.tab()
    expect(screen.getByRole('button', { name: /drag files here/i })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Cancel f0.png' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Cancel f1.png' })).toHaveFocus()
  })

  it('a focused row scrolled out of view stays drawn and keeps focus; back in view it is in its place', () => {
    renderWith(many(10_000))
    const cancel = screen.getByRole('button', { name: 'Cancel f3.png' })
    cancel.focus()
    act(() => scrollTo(9_000 * ROW))
    expect(cancel).toHaveFocus()
    expect(rows()[0]).toHaveAttribute('aria-posinset', '4')
    expect(names()).toContain('f9000.png')
    expect(rows().length).toBeLessThanOrEqual(300)
    act(() => scrollTo(0))
    expect(names().slice(0, 5)).toEqual(['f0.png', 'f1.png', 'f2.png', 'f3.png', 'f4.png'])
    expect(cancel).toHaveFocus()
  })
})

describe('<Uploader> Clear finished', () => {
  it('shows once a file is finished and sends clearFinished() to the engine', async () => {
    const uploader = renderWith(many(3))
    expect(screen.queryByRole('button', { name: 'Clear finished' })).not.toBeInTheDocument()
    act(() => void uploader.setFiles([...many(2), fakeFile('done', 'success')]))
    await userEvent.click(screen.getByRole('button', { name: 'Clear finished' }))
    expect(uploader.clearFinished).toHaveBeenCalledTimes(1)
  })

  it('the pressed button gone, focus stays in the total actions', async () => {
    const user = userEvent.setup()
    const uploader = renderWith([fakeFile('a', 'uploading'), fakeFile('b', 'success')])
    await user.click(screen.getByRole('button', { name: 'Clear finished' }))
    act(() => void uploader.setFiles([fakeFile('a', 'uploading')]))
    expect(screen.getByRole('button', { name: 'Cancel all' })).toHaveFocus()
  })
})
