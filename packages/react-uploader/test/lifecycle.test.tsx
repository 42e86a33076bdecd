import { act, render } from '@testing-library/react'
import { FakeUploader, fakeFile, fakeSnapshot } from '@upkit/test-support'
import type { Uploader, UploaderOptions } from '@upkit/uploader-core'
import { StrictMode } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'

const created: { options: UploaderOptions; uploader: FakeUploader }[] = []

vi.mock('@upkit/uploader-core', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@upkit/uploader-core')>()),
  createUploader: (options: UploaderOptions): Uploader => {
    const uploader = new FakeUploader()
    created.push({ options, uploader })
    return uploader
  },
}))

const { useUploader } = await import('../src/index.js')

function Host(props: { options: UploaderOptions; keep?: boolean }) {
  const { state } = useUploader(props.options, (s) => s.counts.total, {
    keepUploadsOnUnmount: props.keep ?? false,
  })
  return <span>{state}</span>
}

const base: UploaderOptions = { publicKey: 'public_test', auth: 'http://127.0.0.1/auth' }
const alive = () => created.filter(({ uploader }) => uploader.destroy.mock.calls.length === 0)

afterEach(() => {
  created.length = 0
})

describe('engine lifecycle', () => {
  it('StrictMode pairs every engine it creates with a destroy, leaving one alive', () => {
    const { unmount } = render(
      <StrictMode>
        <Host options={base} />
      </StrictMode>,
    )
    expect(alive()).toHaveLength(1)
    expect(created.every(({ uploader }) => uploader.destroy.mock.calls.length <= 1)).toBe(true)
    unmount()
    expect(alive()).toHaveLength(0)
  })

  it('keeps the engine across re-renders with inline options and callbacks', () => {
    const { rerender } = render(
      <Host options={{ ...base, params: { folder: '/a' }, getParams: () => ({}) }} />,
    )
    rerender(<Host options={{ ...base, params: { folder: '/b' }, getParams: () => ({ tags: ['x'] }) }} />)
    rerender(<Host options={{ ...base, auth: 'http://127.0.0.1/auth' }} />)
    expect(created).toHaveLength(1)
  })

  it('reads the latest params and callbacks through the engine options', () => {
    const auth = vi.fn(async () => ({ token: 't', expire: 1, signature: 's' }))
    const { rerender } = render(<Host options={{ ...base, auth, params: { folder: '/a' } }} />)
    const later = vi.fn(async () => ({ token: 't2', expire: 1, signature: 's' }))
    rerender(<Host options={{ ...base, auth: later, params: { folder: '/b' } }} />)
    const options = created[0]!.options
    const file = fakeFile('a', 'queued')
    expect(options.getParams?.(file)).toEqual({ folder: '/b' })
    void (options.auth as (...a: unknown[]) => unknown)({ fileName: 'a', size: 1, type: '' }, {})
    expect(later).toHaveBeenCalled()
    expect(auth).not.toHaveBeenCalled()
  })

  it('replaces the engine safely when an option that matters changes', () => {
    const { rerender } = render(<Host options={base} />)
    rerender(<Host options={{ ...base, publicKey: 'public_other' }} />)
    expect(created).toHaveLength(2)
    expect(created[0]?.uploader.destroy).toHaveBeenCalledTimes(1)
    expect(alive()).toHaveLength(1)
  })

  it('destroys the engine (cancelling uploads) on unmount', () => {
    const { unmount } = render(<Host options={base} />)
    const uploader = created[0]!.uploader
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading')])))
    unmount()
    expect(uploader.destroy).toHaveBeenCalledTimes(1)
  })

  it('with keepUploadsOnUnmount lets running uploads finish, then destroys', async () => {
    const { unmount } = render(<Host options={base} keep />)
    const uploader = created[0]!.uploader
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading')])))
    unmount()
    expect(uploader.destroy).not.toHaveBeenCalled()
    uploader.emit('complete', { successful: [], failed: [], accepted: [] })
    await vi.waitFor(() => expect(uploader.destroy).toHaveBeenCalledTimes(1))
  })
})
