import { act, fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FakeUploader, fakeFile, fakeSnapshot } from '@upkit/test-support'
import { de, UploadError } from '@upkit/uploader-core'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { Uploader } from '../src/index.js'
import { axeViolations } from './axe.js'
import { stubObjectUrls } from './objectUrls.js'

let urls: ReturnType<typeof stubObjectUrls>
beforeEach(() => {
  urls = stubObjectUrls()
})

const storageError = {
  code: 'STORAGE_LIMIT_EXCEEDED',
  message: 'The storage limit was reached.',
  retryable: false,
  status: 403,
  requestId: 'req-42',
} as const

function states() {
  return {
    uploading: fakeSnapshot([fakeFile('a', 'uploading', { percent: 40 }), fakeFile('b', 'queued')], {
      percent: 20,
      speed: 4000,
      eta: 12,
    }),
    error: fakeSnapshot([
      fakeFile('a', 'error', { error: storageError }),
      fakeFile('b', 'success', { percent: 100 }),
    ]),
    success: fakeSnapshot(
      [fakeFile('a', 'success', { percent: 100 }), fakeFile('b', 'success', { percent: 100 })],
      { percent: 100 },
    ),
  }
}

describe('<Uploader> markup', () => {
  it('renders an accessible drop zone with a labelled file input', () => {
    const { container } = render(<Uploader uploader={new FakeUploader()} />)
    const zone = screen.getByRole('button', { name: /drag files here/i })
    expect(zone).toHaveClass('upkit-dropzone')
    expect(zone).toHaveAccessibleDescription('You can also paste files')
    const input = container.querySelector('input[type=file]')
    expect(input).toHaveAttribute('aria-label', 'Choose files')
    expect(input).toHaveAttribute('multiple')
    expect(container.firstElementChild).toHaveClass('upkit', 'upkit--styled')
    expect(screen.getByRole('status')).toHaveAttribute('aria-live', 'polite')
  })

  it('unstyled leaves only structure and class names', () => {
    const { container } = render(<Uploader uploader={new FakeUploader()} unstyled className="mine" />)
    expect(container.firstElementChild).toHaveClass('upkit', 'mine')
    expect(container.firstElementChild).not.toHaveClass('upkit--styled')
  })

  it('shows rows with progress bars, statuses, errors with the request id, and named buttons', async () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} />)
    act(() => uploader.set(states().uploading))
    const bar = screen.getByRole('progressbar', { name: 'Upload progress of a.png' })
    expect(bar).toHaveAttribute('value', '40')
    expect(bar).toHaveAttribute('aria-valuetext', '40%')
    expect(screen.getByText('Uploading 40%')).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Total upload progress' })).toHaveAttribute('value', '20')
    expect(screen.getByText(/4 kB\/s/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Cancel a.png' }))
    expect(uploader.cancel).toHaveBeenCalledWith('a')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel all' }))
    expect(uploader.cancelAll).toHaveBeenCalled()

    act(() => uploader.set(states().error))
    expect(screen.getByText('The storage limit was reached. Request ID: req-42')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'Retry a.png' }))
    expect(uploader.retry).toHaveBeenCalledWith('a')
    await userEvent.click(screen.getByRole('button', { name: 'Remove b.png' }))
    expect(uploader.remove).toHaveBeenCalledWith('b')
    await userEvent.click(screen.getByRole('button', { name: 'Retry all' }))
    expect(uploader.retryAll).toHaveBeenCalled()
  })

  it('offers an Upload button for queued files when asked', async () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} uploadButton />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'queued')])))
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }))
    expect(uploader.upload).toHaveBeenCalledTimes(1)
  })

  it('counts down a scheduled retry', () => {
    vi.useFakeTimers({ now: 100_000 })
    try {
      const uploader = new FakeUploader()
      render(<Uploader uploader={uploader} />)
      act(() => uploader.set(fakeSnapshot([fakeFile('a', 'retrying', { nextRetryAt: 105_000 })])))
      expect(screen.getByText('Retrying in 5 s')).toBeInTheDocument()
      act(() => vi.advanceTimersByTime(2000))
      expect(screen.getByText('Retrying in 3 s')).toBeInTheDocument()
    } finally {
      vi.useRealTimers()
    }
  })

  it('revokes a thumbnail object URL when its row goes away', () => {
    const uploader = new FakeUploader()
    const { container } = render(<Uploader uploader={uploader} />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'queued')])))
    const img = container.querySelector('img.upkit-thumb')
    expect(img).toHaveAttribute('src', 'blob:upkit-test/1')
    expect(img).toHaveAttribute('alt', '')
    expect(urls.revoke).not.toHaveBeenCalled()
    act(() => uploader.set(fakeSnapshot([])))
    expect(urls.revoke).toHaveBeenCalledWith('blob:upkit-test/1')
  })

  it('announces added files, milestones, failures and completion politely', () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} />)
    const live = screen.getByRole('status')
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'queued'), fakeFile('b', 'queued')])))
    expect(live).toHaveTextContent('2 files added.')
    act(() =>
      uploader.set(fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'uploading')], { percent: 10 })),
    )
    act(() =>
      uploader.set(fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'uploading')], { percent: 55 })),
    )
    expect(live).toHaveTextContent('Uploads 50% complete.')
    act(() =>
      uploader.set(
        fakeSnapshot([fakeFile('a', 'error', { error: storageError }), fakeFile('b', 'success')], {
          percent: 100,
        }),
      ),
    )
    expect(live).toHaveTextContent('a.png failed: The storage limit was reached. Request ID: req-42')
    expect(live).toHaveTextContent('All uploads finished: 1 succeeded, 1 failed.')
  })

  it('shows restriction rejections with the file name and the limit', async () => {
    const uploader = new FakeUploader()
    const onRejected = vi.fn()
    render(<Uploader uploader={uploader} onRejected={onRejected} />)
    const error = new UploadError(
      'FILE_TOO_LARGE',
      '“big.mov” is too large (30 MB). Files can be at most 25 MB.',
    )
    await act(async () => uploader.emit('file-rejected', { name: 'big.mov', data: new Blob(), error }))
    const list = screen.getByRole('list', { name: 'Messages' })
    expect(within(list).getByText(/big\.mov.*at most 25 MB/)).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent('1 file could not be added. “big.mov” is too large')
    expect(onRejected).toHaveBeenCalledTimes(1)
    await userEvent.click(screen.getByRole('button', { name: 'Dismiss message' }))
    expect(screen.queryByRole('list', { name: 'Messages' })).not.toBeInTheDocument()
  })

  it('speaks German with locale={de}', () => {
    const uploader = new FakeUploader()
    render(
      <Uploader uploader={uploader} locale={de} intlLocale="de" messages={{ statusSuccess: 'Geschafft' }} />,
    )
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'success', { size: 1536 })])))
    expect(screen.getByText('Geschafft')).toBeInTheDocument()
    expect(screen.getByText('1,5 kB')).toBeInTheDocument()
  })
})

describe('<Uploader> input', () => {
  it('is keyboard-operable: Tab to the zone, Enter or Space opens the chooser', async () => {
    const user = userEvent.setup()
    const { container } = render(<Uploader uploader={new FakeUploader()} />)
    const input = container.querySelector('input[type=file]') as HTMLInputElement
    const click = vi.spyOn(input, 'click')
    await user.tab()
    expect(screen.getByRole('button', { name: /drag files here/i })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(click).toHaveBeenCalledTimes(1)
    await user.keyboard(' ')
    expect(click).toHaveBeenCalledTimes(2)
  })

  it('adds chosen, dropped and pasted files', async () => {
    const uploader = new FakeUploader()
    const { container } = render(<Uploader uploader={uploader} />)
    const input = container.querySelector('input[type=file]') as HTMLInputElement
    const photo = new File(['x'], 'photo.png', { type: 'image/png' })
    await userEvent.upload(input, photo)
    expect(uploader.addFiles).toHaveBeenLastCalledWith([photo])
    const zone = screen.getByRole('button', { name: /drag files here/i })
    fireEvent.drop(zone, { dataTransfer: { files: [photo], types: ['Files'] } })
    await vi.waitFor(() => expect(uploader.addFiles).toHaveBeenCalledTimes(2))
    fireEvent.paste(zone, { clipboardData: { files: [photo] } })
    expect(uploader.addFiles).toHaveBeenCalledTimes(3)
  })

  it('shows the drag-over state', () => {
    render(<Uploader uploader={new FakeUploader()} />)
    const zone = screen.getByRole('button', { name: /drag files here/i })
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'] } })
    expect(zone).toHaveClass('upkit-dropzone--active')
    expect(zone).toHaveTextContent('Drop the files to add them')
    fireEvent.dragLeave(zone)
    expect(zone).not.toHaveClass('upkit-dropzone--active')
  })

  it('derives accept from allowedFileTypes and passes capture', () => {
    const { container } = render(
      <Uploader
        publicKey="public_x"
        auth="http://127.0.0.1:1/auth"
        uploadEndpoint="http://127.0.0.1:1/api/v1/files/upload"
        restrictions={{ allowedFileTypes: ['image/*', '.pdf'] }}
        capture="environment"
        multiple={false}
      />,
    )
    const input = container.querySelector('input[type=file]')
    expect(input).toHaveAttribute('accept', 'image/*,.pdf')
    expect(input).toHaveAttribute('capture', 'environment')
    expect(input).not.toHaveAttribute('multiple')
  })
})

describe('<Uploader> focus', () => {
  it('moves focus to the button that replaces the pressed one', async () => {
    const user = userEvent.setup()
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading')])))
    screen.getByRole('button', { name: 'Cancel a.png' }).focus()
    await user.keyboard('{Enter}')
    expect(uploader.cancel).toHaveBeenCalledWith('a')
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'cancelled')])))
    expect(screen.getByRole('button', { name: 'Retry a.png' })).toHaveFocus()
  })

  it('after Remove, focuses the row that moved up, then the drop zone', async () => {
    const user = userEvent.setup()
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} />)
    const [a, b, c] = [fakeFile('a', 'success'), fakeFile('b', 'success'), fakeFile('c', 'error')]
    act(() => uploader.set(fakeSnapshot([a, b, c])))
    screen.getByRole('button', { name: 'Remove b.png' }).focus()
    await user.keyboard('{Enter}')
    act(() => uploader.set(fakeSnapshot([a, c])))
    expect(screen.getByRole('button', { name: 'Retry c.png' })).toHaveFocus()
    act(() => uploader.set(fakeSnapshot([c])))
    screen.getByRole('button', { name: 'Remove c.png' }).focus()
    await user.keyboard(' ')
    act(() => uploader.set(fakeSnapshot([])))
    expect(screen.getByRole('button', { name: /drag files here/i })).toHaveFocus()
  })

  it('Cancel all hands focus to Retry all', async () => {
    const user = userEvent.setup()
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading'), fakeFile('b', 'queued')])))
    await user.click(screen.getByRole('button', { name: 'Cancel all' }))
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'cancelled'), fakeFile('b', 'cancelled')])))
    expect(screen.getByRole('button', { name: 'Retry all' })).toHaveFocus()
  })
})

describe('<Uploader> focus when the upload moves on', () => {
  it('keeps focus in the row when Cancel disappears because the file is done', async () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading')])))
    await userEvent.tab()
    await userEvent.tab()
    expect(screen.getByRole('button', { name: 'Cancel a.png' })).toHaveFocus()
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'success')])))
    expect(screen.getByRole('button', { name: 'Remove a.png' })).toHaveFocus()
  })

  it('leaves focus alone once it moved out of the widget', async () => {
    const uploader = new FakeUploader()
    render(
      <>
        <Uploader uploader={uploader} />
        <button type="button">Elsewhere</button>
      </>,
    )
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading')])))
    screen.getByRole('button', { name: 'Cancel a.png' }).focus()
    screen.getByRole('button', { name: 'Elsewhere' }).focus()
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'success')])))
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus()
  })
})

describe('<Uploader> accessibility (axe-core)', () => {
  it.each(['idle', 'uploading', 'error', 'success'] as const)('has no violations when %s', async (state) => {
    const uploader = new FakeUploader()
    const { container } = render(<Uploader uploader={uploader} />)
    if (state !== 'idle') act(() => uploader.set(states()[state]))
    expect(await axeViolations(container)).toEqual([])
  })
})
