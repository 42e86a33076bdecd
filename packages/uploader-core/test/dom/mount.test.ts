import { dispatchWith, FakeUploader, fakeFile, transferOf } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '../../src/dom/index.js'
import { UploadError } from '../../src/upload-error.js'
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

describe('mount', () => {
  it('draws the widget tree of the markup spec', () => {
    const uploader = new FakeUploader()
    const { unmount } = mount(host, { uploader })
    const root = host.firstElementChild as HTMLElement
    expect(root.className).toBe('upkit upkit--styled')
    const zone = root.querySelector('.upkit-dropzone') as HTMLElement
    expect(zone.getAttribute('role')).toBe('button')
    expect(zone.tabIndex).toBe(0)
    const hint = root.querySelector('.upkit-dropzone-hint') as HTMLElement
    expect(zone.getAttribute('aria-describedby')).toBe(hint.id)
    expect(hint.textContent).toBe('You can also paste files')
    expect(root.querySelector('.upkit-dropzone-title')?.textContent).toBe('Drag files here, or browse')
    expect(root.querySelector('svg.upkit-dropzone-icon')?.getAttribute('aria-hidden')).toBe('true')
    const input = root.querySelector('input.upkit-input') as HTMLInputElement
    expect(input.type).toBe('file')
    expect(input.hidden).toBe(true)
    expect(input.multiple).toBe(true)
    expect(input.tabIndex).toBe(-1)
    expect(input.getAttribute('aria-label')).toBe('Choose files')
    const live = root.lastElementChild as HTMLElement
    expect(live.className).toBe('upkit-live upkit-sr-only')
    expect(live.getAttribute('role')).toBe('status')
    expect(live.getAttribute('aria-live')).toBe('polite')
    // No files: no list and no total row.
    expect(root.querySelector('.upkit-files')).toBeNull()
    expect(root.querySelector('.upkit-total')).toBeNull()
    unmount()
  })

  it('renders rows, the total bar and its buttons for files', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader, intlLocale: 'en' })
    uploader.setFiles([
      fakeFile('a', 'uploading', { percent: 50, bytesUploaded: 1024 }),
      fakeFile('b', 'error', {
        error: {
          code: 'SERVER_ERROR',
          message: 'The upload service had a problem.',
          retryable: true,
          requestId: 'req-7',
        },
      }),
    ])
    const rows = host.querySelectorAll('li.upkit-file')
    expect(rows).toHaveLength(2)
    const [a, b] = rows as unknown as HTMLLIElement[]
    expect(a?.dataset.status).toBe('uploading')
    expect(a?.querySelector('.upkit-file-name')?.textContent).toBe('a.png')
    expect(a?.querySelector('.upkit-file-size')?.textContent).toBe('2 kB')
    const bar = a?.querySelector('progress.upkit-progress') as HTMLProgressElement
    expect(bar.getAttribute('value')).toBe('50')
    expect(bar.getAttribute('aria-label')).toBe('Upload progress of a.png')
    expect(bar.getAttribute('aria-valuetext')).toBe('50%')
    expect(a?.querySelector('.upkit-file-status')?.textContent).toBe('Uploading 50%')
    expect(Array.from(a?.querySelectorAll('button') ?? [], (button) => button.textContent)).toEqual([
      'Cancel',
    ])
    expect(b?.querySelector('.upkit-file-error')?.textContent).toBe(
      'The upload service had a problem. Request ID: req-7',
    )
    expect(
      Array.from(b?.querySelectorAll('button') ?? [], (button) => button.getAttribute('aria-label')),
    ).toEqual(['Retry b.png', 'Remove b.png'])
    const total = host.querySelector('.upkit-total') as HTMLElement
    expect(total.querySelector('progress')?.getAttribute('aria-label')).toBe('Total upload progress')
    expect(total.querySelector('.upkit-total-text')?.textContent).toBe('25% · 1 kB of 4.1 kB')
    // No Upload button: nothing is queued (and it shows only with uploadButton or autoUpload: false).
    expect(Array.from(total.querySelectorAll('button'), (button) => button.textContent)).toEqual([
      'Retry all',
      'Cancel all',
      'Clear finished',
    ])
  })

  it('shows speed and time left while uploading', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.setFiles([fakeFile('a', 'uploading', { percent: 50, bytesUploaded: 1024 })], {
      speed: 1_500_000,
      eta: 30,
    })
    const text = '50% · 1 kB of 2 kB · 1.5 MB/s · 30 sec left'
    expect(host.querySelector('.upkit-total-text')?.textContent).toBe(text)
    expect(host.querySelector('.upkit-progress--total')?.getAttribute('aria-valuetext')).toBe(
      '50% · 1 kB of 2 kB, 1.5 MB/s, 30 sec left',
    )
  })

  it('sends the row and total buttons to the engine', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.setFiles([fakeFile('a', 'uploading'), fakeFile('b', 'cancelled')])
    const button = (label: string) =>
      Array.from(host.querySelectorAll('button')).find(
        (b) => b.getAttribute('aria-label') === label || b.textContent === label,
      ) as HTMLButtonElement
    button('Cancel a.png').click()
    button('Retry b.png').click()
    button('Remove b.png').click()
    button('Retry all').click()
    button('Cancel all').click()
    button('Clear finished').click()
    expect(uploader.cancel).toHaveBeenCalledWith('a')
    expect(uploader.retry).toHaveBeenCalledWith('b')
    expect(uploader.remove).toHaveBeenCalledWith('b')
    expect(uploader.retryAll).toHaveBeenCalledTimes(1)
    expect(uploader.cancelAll).toHaveBeenCalledTimes(1)
    expect(uploader.clearFinished).toHaveBeenCalledTimes(1)
  })

  it('unstyled keeps the structure and drops upkit--styled; className and theme land on the root', () => {
    mount(host, { uploader: new FakeUploader(), unstyled: true, className: 'mine', theme: 'dark' })
    const root = host.firstElementChild as HTMLElement
    expect(root.className).toBe('upkit mine')
    expect(root.dataset.theme).toBe('dark')
  })

  it('unmount removes listeners and subscriptions, revokes object URLs and empties the element', () => {
    const uploader = new FakeUploader()
    const { unmount } = mount(host, { uploader })
    uploader.setFiles([fakeFile('a', 'uploading'), fakeFile('b', 'queued'), fakeFile('c', 'success')])
    expect(urls.create).toHaveBeenCalledTimes(3)
    const zone = host.querySelector('.upkit-dropzone') as HTMLElement
    const input = host.querySelector('input') as HTMLInputElement
    const click = vi.spyOn(input, 'click')
    unmount()
    expect(host.childNodes).toHaveLength(0)
    expect(uploader.listenerCount).toBe(0)
    expect(urls.revoke).toHaveBeenCalledTimes(3)
    expect(urls.live.size).toBe(0)
    // Events reaching the detached elements do nothing any more.
    zone.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }))
    zone.click()
    dispatchWith(zone, 'paste', 'clipboardData', transferOf([new File(['x'], 'late.png')]))
    expect(click).not.toHaveBeenCalled()
    expect(uploader.added).toHaveLength(0)
    // An uploader passed in is not ours to destroy; unmounting twice is harmless.
    expect(uploader.destroy).not.toHaveBeenCalled()
    unmount()
  })

  it('revokes a thumbnail URL when its row goes away', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.setFiles([
      fakeFile('a', 'success'),
      fakeFile('b', 'success'),
      fakeFile('doc', 'success', { type: 'application/pdf' }),
    ])
    expect(urls.create).toHaveBeenCalledTimes(2)
    expect(host.querySelector('li[data-status] img.upkit-thumb')?.getAttribute('alt')).toBe('')
    expect(host.querySelectorAll('span.upkit-thumb.upkit-thumb--icon')).toHaveLength(1)
    const first = urls.create.mock.results[0]?.value as string
    uploader.setFiles([fakeFile('b', 'success')])
    expect(urls.revoke).toHaveBeenCalledWith(first)
    expect(urls.live.size).toBe(1)
  })

  it('destroys an engine it created, and not one it was given', () => {
    const { uploader, unmount } = mount(host, { publicKey: 'public_test', auth: 'http://127.0.0.1:9/auth' })
    const destroy = vi.spyOn(uploader, 'destroy')
    unmount()
    expect(destroy).toHaveBeenCalledTimes(1)
  })

  it('mounting again on the same element replaces the first widget', () => {
    const first = new FakeUploader()
    mount(host, { uploader: first })
    mount(host, { uploader: new FakeUploader() })
    expect(host.querySelectorAll('.upkit')).toHaveLength(1)
    expect(first.listenerCount).toBe(0)
  })

  it('calls onSuccess, onError, onComplete and onProgress', () => {
    const uploader = new FakeUploader()
    const onSuccess = vi.fn()
    const onProgress = vi.fn()
    const onComplete = vi.fn()
    mount(host, { uploader, onSuccess, onProgress, onComplete })
    const done = fakeFile('a', 'success')
    const result = { fileId: 'f1', name: 'a.png', filePath: '/a.png', url: 'http://x/a.png', size: 1 }
    uploader.emit('upload-success', { file: done, result })
    uploader.setFiles([done])
    uploader.emit('complete', { successful: [done], failed: [], accepted: [] })
    expect(onSuccess).toHaveBeenCalledWith(done, result)
    expect(onProgress).toHaveBeenCalledTimes(1)
    expect(onComplete).toHaveBeenCalledWith({ successful: [done], failed: [], accepted: [] })
  })
})

describe('messages and announcements', () => {
  it('announces added files, failures and completion in the polite live region, not progress ticks', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const live = host.querySelector('.upkit-live') as HTMLElement
    uploader.setFiles([fakeFile('a', 'queued'), fakeFile('b', 'queued')])
    expect(live.textContent).toBe('2 files added.')
    uploader.setFiles([
      fakeFile('a', 'uploading', { percent: 5 }),
      fakeFile('b', 'uploading', { percent: 5 }),
    ])
    expect(live.textContent).toBe('2 files added.')
    uploader.setFiles([
      fakeFile('a', 'success', { percent: 100, bytesUploaded: 2048 }),
      fakeFile('b', 'error', {
        error: { code: 'NETWORK_ERROR', message: 'The connection was lost.', retryable: true },
      }),
    ])
    expect(live.textContent).toBe(
      'b.png failed: The connection was lost. All uploads finished: 1 succeeded, 1 failed.',
    )
  })

  it('shows each rejection with a Dismiss button and announces a batch once', async () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const reject = (name: string) =>
      uploader.emit('file-rejected', {
        name,
        data: new Blob(['x']),
        error: new UploadError(
          'FILE_TOO_LARGE',
          `“${name}” is too large (30 MB). Files can be at most 25 MB.`,
        ),
      })
    reject('a.mov')
    reject('b.mov')
    await Promise.resolve()
    const list = host.querySelector('ul.upkit-messages') as HTMLElement
    expect(list.getAttribute('aria-label')).toBe('Messages')
    expect(Array.from(list.querySelectorAll('.upkit-message-text'), (m) => m.textContent)).toEqual([
      '“a.mov” is too large (30 MB). Files can be at most 25 MB.',
      '“b.mov” is too large (30 MB). Files can be at most 25 MB.',
    ])
    expect(host.querySelector('.upkit-live')?.textContent).toBe(
      '2 files could not be added. “a.mov” is too large (30 MB). Files can be at most 25 MB. “b.mov” is too large (30 MB). Files can be at most 25 MB.',
    )
    // Dismissing keeps keyboard focus on the next message, then on the drop zone.
    const first = list.querySelector('button') as HTMLButtonElement
    expect(first.getAttribute('aria-label')).toBe('Dismiss message')
    first.focus()
    first.click()
    expect(document.activeElement?.closest('li')?.textContent).toContain('b.mov')
    ;(document.activeElement as HTMLButtonElement).click()
    expect(host.querySelector('.upkit-messages')).toBeNull()
    expect(document.activeElement).toBe(host.querySelector('.upkit-dropzone'))
  })

  it('an Upload button shows while files are queued when the engine does not upload on its own', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader, uploadButton: true })
    uploader.setFiles([fakeFile('a', 'queued')])
    const upload = host.querySelector('.upkit-actions .upkit-button--primary') as HTMLButtonElement
    expect(upload.textContent).toBe('Upload')
    upload.click()
    expect(uploader.upload).toHaveBeenCalledTimes(1)
  })
})

describe('mount target', () => {
  it('takes a CSS selector and refuses what is not an element', () => {
    host.id = 'upload-here'
    const { unmount } = mount('#upload-here', { uploader: new FakeUploader() })
    expect(host.querySelector('.upkit-dropzone')).not.toBeNull()
    unmount()
    expect(() => mount('#nothing', { uploader: new FakeUploader() })).toThrow(/no element matches "#nothing"/)
    expect(() => mount(null as unknown as Element, { uploader: new FakeUploader() })).toThrow(
      /the target is null; pass a DOM element/,
    )
  })
})
