import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FakeUploader, fakeFile, fakeSnapshot } from '@upkit/test-support'
import { UploadError } from '@upkit/uploader-core'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Uploader } from '../src/index.js'
import { stubObjectUrls } from './objectUrls.js'

beforeEach(() => {
  stubObjectUrls()
})
afterEach(() => {
  vi.restoreAllMocks()
})

function restored(count: number) {
  return fakeSnapshot([], {}, { restored: count })
}

function beforeUnload(): Event {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event
}

describe('<Uploader> restored queue', () => {
  it('shows the notice with the count, after the drop zone, and announces it once', () => {
    const uploader = new FakeUploader()
    const { container } = render(<Uploader uploader={uploader} />)
    expect(container.querySelector('.upkit-restored')).toBeNull()
    act(() => uploader.set(restored(3)))
    const notice = container.querySelector('.upkit-restored')
    expect(notice?.previousElementSibling).toHaveClass('upkit-dropzone')
    // the DOM widget's markup: text, then the actions with Resume (primary) and Discard
    expect(notice?.querySelector('.upkit-restored-text')?.textContent).toBe(
      'Your last visit left 3 uploads unfinished.',
    )
    const buttons = [...(notice?.querySelectorAll('.upkit-actions > button.upkit-button') ?? [])]
    expect(buttons.map((b) => [b.textContent, b.getAttribute('type')])).toEqual([
      ['Resume', 'button'],
      ['Discard', 'button'],
    ])
    expect(buttons[0]).toHaveClass('upkit-button--primary')
    expect(screen.getByRole('status')).toHaveTextContent('Your last visit left 3 uploads unfinished.')
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'queued')], {}, { restored: 3 })))
    expect(screen.getByRole('status').textContent).not.toMatch(/last visit/)
  })

  it('Resume and Discard call the engine; the notice goes once nothing is restored', async () => {
    const uploader = new FakeUploader()
    const { container } = render(<Uploader uploader={uploader} />)
    act(() => uploader.set(restored(2)))
    await userEvent.click(screen.getByRole('button', { name: 'Resume' }))
    expect(uploader.resumeRestored).toHaveBeenCalledTimes(1)
    await userEvent.click(screen.getByRole('button', { name: 'Discard' }))
    expect(uploader.discardRestored).toHaveBeenCalledTimes(1)
    act(() => uploader.set(restored(0)))
    expect(container.querySelector('.upkit-restored')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Resume' })).toBeNull()
  })
})

describe('<Uploader> warnBeforeUnload', () => {
  it('asks before leaving only while files upload, and stops listening on unmount', () => {
    const uploader = new FakeUploader()
    const { unmount } = render(<Uploader uploader={uploader} />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'success', { percent: 100 })])))
    expect(beforeUnload().defaultPrevented).toBe(false)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading', { percent: 10 })])))
    expect(beforeUnload().defaultPrevented).toBe(true)
    const removed = vi.spyOn(window, 'removeEventListener')
    unmount()
    expect(removed).toHaveBeenCalledWith('beforeunload', expect.any(Function))
    expect(beforeUnload().defaultPrevented).toBe(false)
  })

  it('warnBeforeUnload={false} never asks', () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} warnBeforeUnload={false} />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading', { percent: 10 })])))
    expect(beforeUnload().defaultPrevented).toBe(false)
  })

  it('is a widget prop: the engine is not given it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { unmount } = render(<Uploader publicKey="public_test" auth="/api/auth" warnBeforeUnload={false} />)
    expect(warn.mock.calls.flat().join(' ')).not.toMatch(/warnBeforeUnload/)
    unmount()
  })
})

describe('<Uploader> reverts', () => {
  it('shows and announces a reverted file, and shows a failed revert', async () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} />)
    const file = fakeFile('a', 'success', { percent: 100 })
    act(() => uploader.set(fakeSnapshot([file])))
    act(() => uploader.emit('file-reverted', { file }))
    expect(screen.getByRole('status')).toHaveTextContent('“a.png” was deleted.')
    const notice = within(screen.getByRole('list', { name: 'Messages' })).getByText('“a.png” was deleted.')
    expect(notice.closest('li')).toHaveClass('upkit-message', 'upkit-message--info')
    await userEvent.click(within(notice.closest('li')!).getByRole('button', { name: 'Dismiss message' }))
    const error = new UploadError('NETWORK_ERROR', 'a.png could not be deleted from ImageKit.', {
      retryable: true,
    })
    act(() => uploader.emit('revert-error', { file, error }))
    const list = screen.getByRole('list', { name: 'Messages' })
    expect(list).toHaveTextContent('a.png could not be deleted from ImageKit.')
    expect(screen.getByRole('status')).toHaveTextContent('a.png could not be deleted from ImageKit.')
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss message' }))
    expect(screen.queryByRole('list', { name: 'Messages' })).toBeNull()
  })
})
