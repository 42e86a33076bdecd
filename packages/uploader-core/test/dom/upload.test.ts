import { type Servers, startServers } from '@upkit/test-support'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { type MountedWidget, type MountOptions, mount } from '../../src/dom/index.js'
import { en } from '../../src/locales/en.js'
import { installObjectUrls } from './object-urls.js'

let servers: Servers
let host: HTMLElement
let widget: MountedWidget | undefined
let urls: ReturnType<typeof installObjectUrls>

beforeAll(async () => {
  servers = await startServers()
})
afterAll(async () => {
  await servers.stop()
}, 30_000)
beforeEach(() => {
  host = document.createElement('div')
  document.body.append(host)
  urls = installObjectUrls()
})
afterEach(async () => {
  widget?.unmount()
  widget = undefined
  host.remove()
  urls.restore()
  servers.emulator.faults.clear()
  await servers.emulator.clearFiles()
})

function mountReal(options: Partial<MountOptions> = {}): MountedWidget {
  widget = mount(host, {
    publicKey: servers.publicKey,
    auth: servers.authUrl,
    uploadEndpoint: servers.emulator.uploadUrl,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  } as MountOptions)
  return widget
}

/** Chooses files through the widget's real file input. */
function choose(files: File[]): void {
  const input = host.querySelector('input.upkit-input') as HTMLInputElement
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change', { bubbles: true }))
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const png = (name: string, size = 4096) => new File([new Uint8Array(size)], name, { type: 'image/png' })
const row = () => host.querySelector('li.upkit-file') as HTMLLIElement | null
const live = () => host.querySelector('.upkit-live')?.textContent ?? ''

describe('a real upload through the signing route and the emulator', () => {
  it('ends in the success state in the DOM, with the file stored on the emulator', async () => {
    const onSuccess = vi.fn()
    mountReal({ onSuccess, params: { folder: '/script' } })
    choose([png('photo.png')])
    await vi.waitFor(() => expect(row()?.dataset.status).toBe('success'), { timeout: 10_000 })
    expect(row()?.querySelector('.upkit-file-status')?.textContent).toBe('Done')
    expect(row()?.querySelector('progress')?.getAttribute('value')).toBe('100')
    expect(row()?.querySelector('img.upkit-thumb')?.getAttribute('src')).toMatch(/^blob:/)
    expect(Array.from(row()?.querySelectorAll('button') ?? [], (b) => b.textContent)).toEqual([
      'Copy link',
      'Remove',
    ])
    const link = row()?.querySelector('a.upkit-file-name')
    expect(link?.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.*photo/)
    expect(link?.getAttribute('target')).toBe('_blank')
    expect(link?.getAttribute('rel')).toBe('noopener')
    expect(link?.getAttribute('aria-label')).toBe('photo.png (opens in a new tab)')
    expect(host.querySelector('.upkit-total-text')?.textContent).toBe('1 uploaded')
    expect(host.querySelector('.upkit-progress--total')?.getAttribute('value')).toBe('100')
    await vi.waitFor(() => expect(live()).toBe('All uploads finished: 1 succeeded, 0 failed.'))
    const stored = await servers.emulator.files()
    expect(stored).toHaveLength(1)
    expect(stored[0]).toMatchObject({ size: 4096, filePath: expect.stringMatching(/^\/script\/photo/) })
    expect(onSuccess).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'photo.png' }),
      expect.objectContaining({ url: stored[0]?.url }),
    )
  })

  it('storage full: the mapped message with the request id, and nothing stored', async () => {
    servers.emulator.faults.add({ action: { type: 'storage-full' } })
    const onError = vi.fn()
    mountReal({ onError })
    choose([png('big.png')])
    await vi.waitFor(() => expect(row()?.dataset.status).toBe('error'), { timeout: 10_000 })
    const text = row()?.querySelector('.upkit-file-error')?.textContent ?? ''
    expect(text).toMatch(new RegExp(`^${escapeRegExp(en.STORAGE_LIMIT_EXCEEDED)} Request ID: \\S+$`))
    expect(row()?.querySelector('.upkit-file-status')?.textContent).toBe('Failed')
    expect(onError.mock.calls[0]?.[1]).toMatchObject({ code: 'STORAGE_LIMIT_EXCEEDED' })
    await vi.waitFor(() => expect(live()).toContain(`big.png failed: ${en.STORAGE_LIMIT_EXCEEDED}`))
    expect(await servers.emulator.files()).toHaveLength(0)
  })

  it('a failed file’s Retry button re-signs and succeeds', async () => {
    servers.emulator.faults.add({ times: 1, action: { type: 'status', status: 503 } })
    mountReal({ retry: false })
    choose([png('again.png')])
    await vi.waitFor(() => expect(row()?.dataset.status).toBe('error'), { timeout: 10_000 })
    const retry = host.querySelector('button[aria-label="Retry again.png"]') as HTMLButtonElement
    retry.focus()
    retry.click()
    await vi.waitFor(() => expect(row()?.dataset.status).toBe('success'), { timeout: 10_000 })
    expect(await servers.emulator.files()).toHaveLength(1)
    // Focus stayed in the row: Retry turned into Copy link (then Remove).
    expect(document.activeElement?.textContent).toBe('Copy link')
  })

  it('restriction messages name the file and the limit', async () => {
    mountReal({ restrictions: { maxFileSize: 1024 } })
    choose([png('huge.png', 5000)])
    await vi.waitFor(() => expect(host.querySelector('.upkit-message-text')).not.toBeNull())
    const text = host.querySelector('.upkit-message-text')?.textContent ?? ''
    // The engine's message names the file, its size and the limit (unit spelling is the engine's).
    expect(text).toMatch(/^“huge\.png” is too large \(5 kB\)\. Files can be at most 1 kB\.$/i)
    expect(live()).toContain(text)
    expect(host.querySelector('.upkit-files')).toBeNull()
    // Dismissing the message removes it (and the list).
    ;(host.querySelector('.upkit-message button') as HTMLButtonElement).click()
    expect(host.querySelector('.upkit-messages')).toBeNull()
    expect(await servers.emulator.files()).toHaveLength(0)
  })

  it('unmount while a file is being signed cancels it: nothing is sent or stored', async () => {
    let aborted = false
    const { uploader } = mountReal({
      // A signing route that answers only when it is given up on.
      auth: (_file, { signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true
            reject(signal.reason)
          })
        }),
    })
    servers.emulator.resetStats()
    choose([png('stop.png')])
    await vi.waitFor(() => expect(uploader.getSnapshot().files[0]?.status).toBe('signing'))
    widget?.unmount()
    widget = undefined
    await vi.waitFor(() => expect(aborted).toBe(true))
    expect(host.childNodes).toHaveLength(0)
    expect(urls.live.size).toBe(0)
    expect(servers.emulator.stats().requests).toBe(0)
    expect(await servers.emulator.files()).toHaveLength(0)
  })

  it('keepUploadsOnUnmount lets a running upload finish after unmount', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const onSuccess = vi.fn()
    const { uploader } = mountReal({
      keepUploadsOnUnmount: true,
      onSuccess,
      // Signs through the real route, but only once the widget is gone.
      auth: async () => {
        await gate
        return (await fetch(servers.authUrl)).json()
      },
    })
    const destroy = vi.spyOn(uploader, 'destroy')
    choose([png('kept.png')])
    await vi.waitFor(() => expect(uploader.getSnapshot().files[0]?.status).toBe('signing'))
    widget?.unmount()
    widget = undefined
    expect(host.childNodes).toHaveLength(0)
    expect(destroy).not.toHaveBeenCalled()
    release()
    await vi.waitFor(() => expect(destroy).toHaveBeenCalledTimes(1), { timeout: 10_000 })
    expect((await servers.emulator.files()).map((file) => file.name)).toEqual([
      expect.stringMatching(/^kept/),
    ])
    // The callbacks kept reporting the upload that finished after unmount.
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })
})
