import { dispatchWith, FakeUploader, transferOf } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '../../src/dom/index.js'

let host: HTMLElement

beforeEach(() => {
  host = document.createElement('div')
  document.body.append(host)
})

afterEach(() => host.remove())

const zoneOf = () => host.querySelector('.upkit-dropzone') as HTMLElement
const inputOf = () => host.querySelector('input.upkit-input') as HTMLInputElement

/** A FileSystemEntry tree as Chrome's `webkitGetAsEntry` returns it. */
function fileEntry(file: File) {
  return { isFile: true, isDirectory: false, file: (ok: (f: File) => void) => ok(file) }
}
function directoryEntry(children: unknown[]) {
  let read = false
  return {
    isFile: false,
    isDirectory: true,
    createReader: () => ({
      // Answers in batches until an empty one, like the real API.
      readEntries: (ok: (entries: unknown[]) => void) => {
        ok(read ? [] : children)
        read = true
      },
    }),
  }
}
const itemOf = (entry: unknown) => ({ kind: 'file', webkitGetAsEntry: () => entry })

describe('drop zone', () => {
  it('Enter and Space open the real file input; so does a click', () => {
    mount(host, { uploader: new FakeUploader() })
    const click = vi.spyOn(inputOf(), 'click').mockImplementation(() => {})
    for (const key of ['Enter', ' ']) {
      const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true })
      zoneOf().dispatchEvent(event)
      expect(event.defaultPrevented).toBe(true)
    }
    zoneOf().dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
    zoneOf().click()
    expect(click).toHaveBeenCalledTimes(3)
  })

  it('adds the chosen files and resets the input', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const files = [new File(['a'], 'a.png', { type: 'image/png' }), new File(['b'], 'b.txt')]
    Object.defineProperty(inputOf(), 'files', { value: files, configurable: true })
    inputOf().dispatchEvent(new Event('change', { bubbles: true }))
    expect(uploader.added).toEqual(files)
  })

  it('shows the drag-over state while files are dragged over it', () => {
    mount(host, { uploader: new FakeUploader() })
    const data = transferOf([])
    const enter = dispatchWith(zoneOf(), 'dragenter', 'dataTransfer', data)
    expect(enter.defaultPrevented).toBe(true)
    expect(zoneOf().classList.contains('upkit-dropzone--active')).toBe(true)
    expect(zoneOf().querySelector('.upkit-dropzone-title')?.textContent).toBe('Drop the files to add them')
    // Entering a child and leaving it again keeps the state (enter/leave are counted).
    dispatchWith(zoneOf().querySelector('.upkit-dropzone-hint')!, 'dragenter', 'dataTransfer', data)
    dispatchWith(zoneOf().querySelector('.upkit-dropzone-hint')!, 'dragleave', 'dataTransfer', data)
    expect(zoneOf().classList.contains('upkit-dropzone--active')).toBe(true)
    expect(dispatchWith(zoneOf(), 'dragover', 'dataTransfer', data).defaultPrevented).toBe(true)
    dispatchWith(zoneOf(), 'dragleave', 'dataTransfer', data)
    expect(zoneOf().classList.contains('upkit-dropzone--active')).toBe(false)
    expect(zoneOf().querySelector('.upkit-dropzone-title')?.textContent).toBe('Drag files here, or browse')
    // Dragging text, not files, is left alone.
    dispatchWith(zoneOf(), 'dragenter', 'dataTransfer', { types: ['text/plain'], items: [], files: [] })
    expect(zoneOf().classList.contains('upkit-dropzone--active')).toBe(false)
  })

  it('a drop adds the files, walking dropped folders', async () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const top = new File(['1'], 'top.png')
    const inner = new File(['2'], 'inner.jpg')
    const deep = new File(['3'], 'deep.gif')
    const folder = directoryEntry([fileEntry(inner), directoryEntry([fileEntry(deep)])])
    dispatchWith(zoneOf(), 'dragenter', 'dataTransfer', transferOf([]))
    const drop = dispatchWith(zoneOf(), 'drop', 'dataTransfer', {
      types: ['Files'],
      files: [top],
      items: [itemOf(fileEntry(top)), itemOf(folder)],
    })
    expect(drop.defaultPrevented).toBe(true)
    expect(zoneOf().classList.contains('upkit-dropzone--active')).toBe(false)
    await vi.waitFor(() => expect(uploader.added).toHaveLength(3))
    expect(uploader.added).toEqual([top, inner, deep])
  })

  it('falls back to dataTransfer.files without the entry API', async () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const file = new File(['1'], 'plain.png')
    dispatchWith(zoneOf(), 'drop', 'dataTransfer', transferOf([file]))
    await vi.waitFor(() => expect(uploader.added).toEqual([file]))
  })

  it('paste on the drop zone adds the pasted files', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    const file = new File(['png'], 'image.png', { type: 'image/png' })
    const event = dispatchWith(zoneOf(), 'paste', 'clipboardData', { files: [file] })
    expect(event.defaultPrevented).toBe(true)
    expect(uploader.added).toEqual([file])
    // Pasting text is left to the browser.
    expect(dispatchWith(zoneOf(), 'paste', 'clipboardData', { files: [] }).defaultPrevented).toBe(false)
  })

  it('pasteOnDocument takes pastes anywhere but in text fields', () => {
    const uploader = new FakeUploader()
    const { unmount } = mount(host, { uploader, pasteOnDocument: true })
    const field = document.createElement('textarea')
    document.body.append(field)
    const file = new File(['png'], 'image.png', { type: 'image/png' })
    dispatchWith(field, 'paste', 'clipboardData', { files: [file] })
    expect(uploader.added).toHaveLength(0)
    dispatchWith(document.body, 'paste', 'clipboardData', { files: [file] })
    expect(uploader.added).toEqual([file])
    unmount()
    dispatchWith(document.body, 'paste', 'clipboardData', { files: [file] })
    expect(uploader.added).toHaveLength(1)
    field.remove()
  })

  it('multiple: false keeps one file; accept and capture reach the input', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader, multiple: false, accept: 'image/*', capture: 'environment' })
    expect(inputOf().multiple).toBe(false)
    expect(inputOf().getAttribute('accept')).toBe('image/*')
    expect(inputOf().getAttribute('capture')).toBe('environment')
    dispatchWith(zoneOf(), 'paste', 'clipboardData', {
      files: [new File(['1'], '1.png'), new File(['2'], '2.png')],
    })
    expect(uploader.added.map((file) => (file as File).name)).toEqual(['1.png'])
  })

  it('derives accept from restrictions.allowedFileTypes', () => {
    const { unmount } = mount(host, {
      publicKey: 'public_test',
      auth: 'http://127.0.0.1:9/auth',
      restrictions: { allowedFileTypes: ['image/*', '.pdf'] },
    })
    expect(inputOf().getAttribute('accept')).toBe('image/*,.pdf')
    unmount()
  })

  it('disabled: not focusable, ignores clicks, keys, drops and pastes', async () => {
    const uploader = new FakeUploader()
    mount(host, { uploader, disabled: true })
    const click = vi.spyOn(inputOf(), 'click')
    expect(zoneOf().tabIndex).toBe(-1)
    expect(zoneOf().getAttribute('aria-disabled')).toBe('true')
    expect(zoneOf().classList.contains('upkit-dropzone--disabled')).toBe(true)
    zoneOf().click()
    zoneOf().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }))
    dispatchWith(zoneOf(), 'paste', 'clipboardData', { files: [new File(['1'], '1.png')] })
    dispatchWith(zoneOf(), 'drop', 'dataTransfer', transferOf([new File(['1'], '1.png')]))
    await Promise.resolve()
    expect(click).not.toHaveBeenCalled()
    expect(uploader.added).toHaveLength(0)
  })
})
