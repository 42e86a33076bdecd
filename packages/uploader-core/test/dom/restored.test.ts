import { FakeUploader, fakeFile, fakeSnapshot } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount as mountWidget } from '../../src/dom/index.js'
import { UploadError } from '../../src/upload-error.js'
import { installObjectUrls } from './object-urls.js'

let host: HTMLElement
const mounted: Array<() => void> = []
const mount: typeof mountWidget = (target, options) => {
  const handle = mountWidget(target, options)
  mounted.push(handle.unmount)
  return handle
}
let urls: ReturnType<typeof installObjectUrls>

beforeEach(() => {
  host = document.createElement('div')
  document.body.append(host)
  urls = installObjectUrls()
})

afterEach(() => {
  for (const unmount of mounted.splice(0)) unmount()
  host.remove()
  urls.restore()
})

const live = () => host.querySelector('.upkit-live')?.textContent?.trim()
const notice = () => host.querySelector<HTMLElement>('.upkit-restored')
const button = (name: string) =>
  [...host.querySelectorAll<HTMLButtonElement>('.upkit-restored button')].find((b) => b.textContent === name)

describe('the restored-queue notice', () => {
  it('appears with the count, is announced once, and its buttons call the commands', async () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    expect(notice()).toBeNull()
    uploader.set(fakeSnapshot([], {}, { restored: 3 }))
    expect(notice()?.textContent).toContain('Your last visit left 3 uploads unfinished.')
    expect(live()).toBe('Your last visit left 3 uploads unfinished.')
    const resume = button('Resume') as HTMLButtonElement
    const discard = button('Discard') as HTMLButtonElement
    expect(resume.type).toBe('button')
    expect(discard.type).toBe('button')
    // placed right after the drop zone
    expect(notice()?.previousElementSibling?.classList.contains('upkit-dropzone')).toBe(true)
    resume.click()
    expect(uploader.resumeRestored).toHaveBeenCalledTimes(1)
    discard.click()
    expect(uploader.discardRestored).toHaveBeenCalledTimes(1)
    // a new snapshot with the same count is not announced again
    uploader.set(fakeSnapshot([fakeFile('a', 'queued')], {}, { restored: 3 }))
    expect(live()).not.toContain('Your last visit')
    expect(notice()?.textContent).toContain('3 uploads')
  })

  it('goes when restored drops to 0', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.set(fakeSnapshot([], {}, { restored: 2 }))
    expect(notice()).not.toBeNull()
    uploader.set(fakeSnapshot([], {}, { restored: 0 }))
    expect(notice()).toBeNull()
  })

  it('is drawn and announced when the engine already has restored files at mount', () => {
    const uploader = new FakeUploader()
    uploader.set(fakeSnapshot([], {}, { restored: 1 }))
    mount(host, { uploader })
    expect(notice()?.textContent).toContain('1 upload')
    expect(live()).toBe('Your last visit left 1 upload unfinished.')
  })
})

describe('warnBeforeUnload', () => {
  const unload = () => {
    const event = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(event)
    return event.defaultPrevented
  }

  it('prevents leaving while uploading, not when idle, and stops on unmount', () => {
    const uploader = new FakeUploader()
    const { unmount } = mount(host, { uploader })
    expect(unload()).toBe(false)
    uploader.setFiles([fakeFile('a', 'uploading', { percent: 10 })])
    expect(uploader.getSnapshot().isUploading).toBe(true)
    expect(unload()).toBe(true)
    unmount()
    expect(unload()).toBe(false)
  })

  it('is off with warnBeforeUnload: false', () => {
    const uploader = new FakeUploader()
    const { unmount } = mount(host, { uploader, warnBeforeUnload: false })
    uploader.setFiles([fakeFile('a', 'uploading', { percent: 10 })])
    expect(unload()).toBe(false)
    unmount()
  })
})

describe('reverts', () => {
  it('announces a reverted file', () => {
    const uploader = new FakeUploader()
    mount(host, { uploader })
    uploader.emit('file-reverted', { file: fakeFile('a', 'success') })
    expect(live()).toBe('“a.png” was deleted.')
  })

  it('shows a revert error in the message list and the live region', () => {
    const uploader = new FakeUploader()
    const { unmount } = mount(host, { uploader })
    const error = new UploadError('SERVER_ERROR', 'Could not delete “a.png” from ImageKit.')
    uploader.emit('revert-error', { file: fakeFile('a', 'success'), error })
    const message = host.querySelector('.upkit-messages .upkit-message-text')
    expect(message?.textContent).toBe('Could not delete “a.png” from ImageKit.')
    expect(live()).toBe('Could not delete “a.png” from ImageKit.')
    unmount()
    expect(uploader.listenerCount).toBe(0)
  })
})
