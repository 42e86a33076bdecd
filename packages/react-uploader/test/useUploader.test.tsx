import { act, render, renderHook } from '@testing-library/react'
import { FakeUploader, fakeFile, fakeSnapshot } from '@upkit/test-support'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { useUploader } from '../src/index.js'

describe('useUploader with an existing uploader', () => {
  it('returns the snapshot and follows changes', () => {
    const uploader = new FakeUploader()
    const { result } = renderHook(() => useUploader(uploader))
    expect(result.current.state.files).toEqual([])
    const next = fakeSnapshot([fakeFile('a', 'queued')])
    act(() => uploader.set(next))
    expect(result.current.state).toBe(next)
    expect(result.current.uploader).toBe(uploader)
  })

  it('re-renders only when the selected part changes', () => {
    const uploader = new FakeUploader()
    const renders = { count: 0 }
    const { container } = render(<Done uploader={uploader} renders={renders} />)
    const before = renders.count
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading', { percent: 10 })], { percent: 10 })))
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading', { percent: 50 })], { percent: 50 })))
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading', { percent: 90 })], { percent: 90 })))
    expect(renders.count).toBe(before)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'success', { percent: 100 })], { percent: 100 })))
    expect(renders.count).toBe(before + 1)
    expect(container.textContent).toBe('1')
  })

  it('keeps a fresh array selection stable with the default shallow equality', () => {
    const uploader = new FakeUploader()
    const renders = { count: 0 }
    render(<Ids uploader={uploader} renders={renders} />)
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'queued')])))
    const after = renders.count
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading', { percent: 20 })], { percent: 20 })))
    act(() => uploader.set(fakeSnapshot([fakeFile('a', 'uploading', { percent: 40 })], { percent: 40 })))
    expect(renders.count).toBe(after)
  })

  it('never destroys an uploader it was given, and unsubscribes on unmount', () => {
    const uploader = new FakeUploader()
    const { unmount } = render(
      <StrictMode>
        <Probe uploader={uploader} />
      </StrictMode>,
    )
    expect(uploader.listenerCount).toBe(1)
    unmount()
    expect(uploader.destroy).not.toHaveBeenCalled()
    expect(uploader.listenerCount).toBe(0)
  })

  it('binds commands to the uploader', async () => {
    const uploader = new FakeUploader()
    const { result } = renderHook(() => useUploader(uploader))
    result.current.cancel('x')
    result.current.retry('y')
    result.current.retryAll()
    result.current.cancelAll()
    result.current.remove('z')
    await result.current.upload()
    expect(uploader.cancel).toHaveBeenCalledWith('x')
    expect(uploader.retry).toHaveBeenCalledWith('y')
    expect(uploader.remove).toHaveBeenCalledWith('z')
    expect(uploader.retryAll).toHaveBeenCalled()
    expect(uploader.cancelAll).toHaveBeenCalled()
    expect(uploader.upload).toHaveBeenCalled()
  })
})

function Probe({ uploader }: { uploader: FakeUploader }) {
  const { state } = useUploader(uploader, (s) => s.counts.total)
  return <span>{state}</span>
}

type Counted = { uploader: FakeUploader; renders: { count: number } }

function Done({ uploader, renders }: Counted) {
  renders.count++
  const { state } = useUploader(uploader, (s) => s.counts.success)
  return <span>{state}</span>
}

function Ids({ uploader, renders }: Counted) {
  renders.count++
  const { state } = useUploader(uploader, (s) => s.files.map((f) => f.id))
  return <span>{state.join(',')}</span>
}
