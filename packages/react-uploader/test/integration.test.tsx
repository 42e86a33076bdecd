import { fireEvent, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { png, type Servers, startServers } from '@upkit/test-support'
import { StrictMode } from 'react'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { Uploader, type UploaderProps, useDropzone, useUploader } from '../src/index.js'
import { axeViolations } from './axe.js'
import { stubObjectUrls } from './objectUrls.js'

let servers: Servers
beforeAll(async () => {
  servers = await startServers()
})
afterAll(async () => {
  await servers.stop()
})
beforeEach(() => {
  stubObjectUrls()
})
afterEach(() => {
  servers.emulator.faults.clear()
  servers.emulator.clearFiles()
  servers.emulator.resetStats()
})

function widget(props: Partial<UploaderProps> = {}) {
  return (
    <Uploader
      publicKey={servers.publicKey}
      auth={servers.authUrl}
      uploadEndpoint={servers.emulator.uploadUrl}
      {...(props as object)}
    />
  )
}

const zone = () => screen.getByRole('button', { name: /drag files here/i })
const drop = (...files: File[]) => fireEvent.drop(zone(), { dataTransfer: { files, types: ['Files'] } })
const row = (name: string) => screen.getByText(name, { selector: '.upkit-file-name' }).closest('li')!
const statusOf = (name: string, text: string | RegExp) =>
  vi.waitFor(() => expect(within(row(name)).getByText(text)).toBeInTheDocument(), { timeout: 15_000 })

describe('<Uploader> against the emulator and the signing route', () => {
  it('drop → progress → success with a thumbnail', async () => {
    const onSuccess = vi.fn()
    const onProgress = vi.fn()
    const onComplete = vi.fn()
    const { container } = render(widget({ onSuccess, onProgress, onComplete }))
    drop(png('photo.png'))
    await statusOf('photo.png', 'Done')
    expect(screen.getByRole('progressbar', { name: 'Upload progress of photo.png' })).toHaveAttribute(
      'value',
      '100',
    )
    expect(screen.getByRole('progressbar', { name: 'Total upload progress' })).toHaveAttribute('value', '100')
    expect(container.querySelector('img.upkit-thumb')?.getAttribute('src')).toMatch(/^blob:/)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]?.[1].url).toContain('photo')
    expect(onProgress).toHaveBeenCalled()
    await vi.waitFor(() => expect(onComplete).toHaveBeenCalledTimes(1))
    expect(await servers.emulator.files()).toHaveLength(1)
    // The live region is written in an effect after the row's commit: wait for it.
    await vi.waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('All uploads finished: 1 succeeded, 0 failed.'),
    )
    expect(await axeViolations(container)).toEqual([])
  })

  it('shows the storage-limit message with the request id and stores nothing', async () => {
    servers.emulator.faults.add({ action: { type: 'storage-full' } })
    const { container } = render(widget())
    drop(png('full.png'))
    await statusOf('full.png', 'Failed')
    const error = row('full.png').querySelector('.upkit-file-error')
    expect(error).toHaveTextContent(/storage or upload limit/i)
    expect(error).toHaveTextContent(/Request ID: \S+/)
    expect(await servers.emulator.files()).toHaveLength(0)
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/full\.png failed/))
    expect(await axeViolations(container)).toEqual([])
  })

  it("a failed file's retry button re-signs and succeeds", async () => {
    servers.emulator.faults.add({ times: 1, action: { type: 'status', status: 500 } })
    render(widget({ retry: false }))
    drop(png('flaky.png'))
    await statusOf('flaky.png', 'Failed')
    await userEvent.click(screen.getByRole('button', { name: 'Retry flaky.png' }))
    await statusOf('flaky.png', 'Done')
    const { tokensUsed, uploads } = servers.emulator.stats()
    expect(tokensUsed).toHaveLength(2)
    expect(new Set(tokensUsed).size).toBe(2)
    expect(uploads).toBe(1)
  })

  it('cancel stops the upload and nothing is stored', async () => {
    servers.emulator.faults.add({ action: { type: 'stall' } })
    const { container } = render(widget())
    expect(await axeViolations(container)).toEqual([])
    drop(png('slow.png'))
    await statusOf('slow.png', /Uploading/)
    expect(await axeViolations(container)).toEqual([])
    await userEvent.click(screen.getByRole('button', { name: 'Cancel slow.png' }))
    await statusOf('slow.png', 'Cancelled')
    const requests = servers.emulator.stats().requests
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(servers.emulator.stats().requests).toBe(requests)
    expect(await servers.emulator.files()).toHaveLength(0)
    expect(servers.emulator.stats().uploads).toBe(0)
  })

  it('names the file and the limit when a restriction refuses it, sending nothing', async () => {
    render(widget({ restrictions: { maxFileSize: 10 } }))
    drop(png('large.png'))
    const list = await screen.findByRole('list', { name: 'Messages' })
    expect(list).toHaveTextContent(/large\.png/)
    expect(list).toHaveTextContent(/10 bytes|10 B/)
    expect(screen.queryByRole('list', { name: 'Files' })).not.toBeInTheDocument()
    expect(servers.emulator.stats().requests).toBe(0)
  })

  it('unmounting cancels an upload in flight', async () => {
    servers.emulator.faults.add({ action: { type: 'stall' } })
    const { unmount } = render(widget())
    drop(png('gone.png'))
    await statusOf('gone.png', /Uploading/)
    // In flight means the emulator holds the request, not only that the row says so.
    await vi.waitFor(() => expect(servers.emulator.stats().requests).toBe(1), { timeout: 10_000 })
    unmount()
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(servers.emulator.stats().requests).toBe(1)
    expect(await servers.emulator.files()).toHaveLength(0)
  })

  it('keepUploadsOnUnmount lets the upload finish after unmount', async () => {
    servers.emulator.faults.add({ action: { type: 'latency', ms: 300 } })
    const onSuccess = vi.fn()
    const { unmount } = render(widget({ keepUploadsOnUnmount: true, onSuccess }))
    drop(png('kept.png'))
    await statusOf('kept.png', /Uploading/)
    unmount()
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1), { timeout: 15_000 })
    expect(servers.emulator.stats().uploads).toBe(1)
    expect(await servers.emulator.files()).toHaveLength(1)
  })

  it('StrictMode uploads each file exactly once', async () => {
    render(<StrictMode>{widget()}</StrictMode>)
    drop(png('one.png'), png('two.png'))
    await statusOf('one.png', 'Done')
    await statusOf('two.png', 'Done')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(servers.emulator.stats().uploads).toBe(2)
    expect(servers.emulator.stats().requests).toBe(2)
    expect(await servers.emulator.files()).toHaveLength(2)
  })
})

describe('keyboard-only flow', () => {
  it('Tab to the zone, Enter opens the chooser, then Tab to retry after a failure', async () => {
    servers.emulator.faults.add({ times: 1, action: { type: 'status', status: 503 } })
    const user = userEvent.setup()
    const { container } = render(widget({ retry: false }))
    const input = container.querySelector('input[type=file]') as HTMLInputElement
    const click = vi.spyOn(input, 'click')
    await user.tab()
    expect(zone()).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(click).toHaveBeenCalledTimes(1)
    // The chooser is the browser's; choosing a file in it fires `change` on the input.
    await user.upload(input, png('keys.png'))
    expect(screen.getByRole('status')).toHaveTextContent('1 file added.')
    await statusOf('keys.png', 'Failed')
    await user.tab()
    expect(screen.getByRole('button', { name: 'Retry keys.png' })).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('button', { name: 'Remove keys.png' })).toHaveFocus()
    await user.tab({ shift: true })
    await user.keyboard('{Enter}')
    await statusOf('keys.png', 'Done')
    // Retry turned into Cancel, then Cancel into Copy link and Remove: focus followed to the group's
    // first button instead of falling to the page.
    expect(screen.getByRole('button', { name: 'Copy link to keys.png' })).toHaveFocus()
    expect(screen.getByRole('list', { name: 'Files' })).toBeInTheDocument()
    await vi.waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('All uploads finished: 1 succeeded, 0 failed.'),
    )
  })

  it('Tab reaches the cancel button of an upload in flight', async () => {
    servers.emulator.faults.add({ action: { type: 'stall' } })
    const user = userEvent.setup()
    render(widget())
    await user.tab()
    drop(png('wait.png'))
    await statusOf('wait.png', /Uploading/)
    await user.tab()
    expect(screen.getByRole('button', { name: 'Cancel wait.png' })).toHaveFocus()
    await user.keyboard(' ')
    await statusOf('wait.png', 'Cancelled')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await servers.emulator.files()).toHaveLength(0)
  })
})

function HeadlessUploader(props: { publicKey: string; auth: string; uploadEndpoint: string }) {
  const { state, uploader } = useUploader(props, (s) => ({ done: s.counts.success, total: s.counts.total }))
  const { getRootProps, getInputProps } = useDropzone({ uploader })
  return (
    <section {...getRootProps({ 'aria-label': 'My drop zone' })}>
      <input {...getInputProps({ 'aria-label': 'My files' })} />
      <output>{`${state.done}/${state.total}`}</output>
    </section>
  )
}

describe('hooks against the emulator', () => {
  it('useUploader + useDropzone in StrictMode upload each file once', async () => {
    render(
      <StrictMode>
        <HeadlessUploader
          publicKey={servers.publicKey}
          auth={servers.authUrl}
          uploadEndpoint={servers.emulator.uploadUrl}
        />
      </StrictMode>,
    )
    const zone = screen.getByRole('button', { name: 'My drop zone' })
    await vi.waitFor(() => expect(zone).toHaveAttribute('tabindex', '0'))
    fireEvent.drop(zone, { dataTransfer: { files: [png('h1.png'), png('h2.png')], types: ['Files'] } })
    await vi.waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2/2'), { timeout: 15_000 })
    expect(servers.emulator.stats().uploads).toBe(2)
    expect(servers.emulator.stats().requests).toBe(2)
  })
})
