import { FakeUploader, fakeFile } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '../../src/dom/index.js'
import { UploadError } from '../../src/upload-error.js'
import { installObjectUrls } from './object-urls.js'

const EVIL = '<img src=x onerror=alert(1)>.png'

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

describe('file names are text, never markup', () => {
  it('a file named like an HTML tag shows as text in the row, labels and messages', async () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.setFiles([
      fakeFile('a', 'error', {
        name: EVIL,
        error: { code: 'SERVER_ERROR', message: `Failed: ${EVIL}`, retryable: true },
      }),
      fakeFile('b', 'uploading', { name: EVIL, type: 'text/plain' }),
    ])
    const error = new UploadError('FILE_TOO_LARGE', `“${EVIL}” is too large.`)
    uploader.emit('file-rejected', { name: EVIL, data: new Blob(['x']), error })
    await Promise.resolve()
    // Only the thumbnail (an object URL) is an <img>; nothing with src=x or an onerror handler exists.
    const images = Array.from(host.querySelectorAll('img'))
    expect(images).toHaveLength(1)
    expect(images[0]?.getAttribute('src')).toMatch(/^blob:/)
    expect(host.querySelector('[onerror]')).toBeNull()
    expect(host.querySelector('.upkit-file-name')?.textContent).toBe(EVIL)
    expect(host.querySelector('.upkit-file-error')?.textContent).toBe(`Failed: ${EVIL}`)
    expect(host.querySelector('.upkit-message-text')?.textContent).toBe(`“${EVIL}” is too large.`)
    expect(host.querySelector('.upkit-file progress')?.getAttribute('aria-label')).toBe(
      `Upload progress of ${EVIL}`,
    )
    expect(host.querySelector('.upkit-live')?.textContent).toContain(EVIL)
    expect(host.innerHTML).not.toContain('<img src=x')
  })
})
