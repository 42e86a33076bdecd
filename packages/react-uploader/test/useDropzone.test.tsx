import { fireEvent, render, screen } from '@testing-library/react'
import { collectDroppedFiles } from '@upkit/uploader-core/view'
import { describe, expect, it, vi } from 'vitest'
import { useDropzone } from '../src/index.js'

function fileEntry(file: File) {
  return { isFile: true, isDirectory: false, name: file.name, file: (ok: (f: File) => void) => ok(file) }
}

function dirEntry(name: string, children: unknown[]) {
  return {
    isFile: false,
    isDirectory: true,
    name,
    createReader: () => {
      // Two batches then an empty one, like Chrome's 100-entry pages.
      const batches = [children.slice(0, 1), children.slice(1), []]
      return { readEntries: (ok: (entries: unknown[]) => void) => ok(batches.shift() ?? []) }
    },
  }
}

function item(entry: unknown) {
  return { kind: 'file', webkitGetAsEntry: () => entry }
}

describe('collectDroppedFiles', () => {
  it('walks dropped folders recursively', async () => {
    const a = new File(['a'], 'a.png')
    const b = new File(['b'], 'b.png')
    const c = new File(['c'], 'c.png')
    const tree = dirEntry('photos', [fileEntry(a), dirEntry('nested', [fileEntry(b)])])
    const data = { items: [item(tree), item(fileEntry(c))], files: [] } as unknown as DataTransfer
    const files = await collectDroppedFiles(data)
    expect(files.map((f) => f.name).sort()).toEqual(['a.png', 'b.png', 'c.png'])
  })

  it('falls back to dataTransfer.files without the entry API', async () => {
    const a = new File(['a'], 'a.png')
    const data = { items: [{ kind: 'file' }], files: [a] } as unknown as DataTransfer
    expect(await collectDroppedFiles(data)).toEqual([a])
    expect(await collectDroppedFiles(null)).toEqual([])
  })
})

function Custom(props: { onFiles: (files: File[]) => void; pasteOnDocument?: boolean; multiple?: boolean }) {
  const { getRootProps, getInputProps, isDragActive } = useDropzone(props)
  return (
    <section {...getRootProps({ 'aria-label': 'Custom zone', className: isDragActive ? 'over' : '' })}>
      <input {...getInputProps({ 'aria-label': 'Pick' })} />
      {isDragActive ? 'Release!' : 'Drop here'}
    </section>
  )
}

describe('useDropzone', () => {
  it('turns any element into a drop zone', async () => {
    const onFiles = vi.fn()
    render(<Custom onFiles={onFiles} multiple={false} />)
    const zone = screen.getByRole('button', { name: 'Custom zone' })
    expect(zone).toHaveAttribute('tabindex', '0')
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['Files'] } })
    expect(zone).toHaveClass('over')
    const a = new File(['a'], 'a.png')
    const b = new File(['b'], 'b.png')
    fireEvent.drop(zone, { dataTransfer: { files: [a, b], types: ['Files'] } })
    expect(zone).not.toHaveClass('over')
    await vi.waitFor(() => expect(onFiles).toHaveBeenCalledWith([a]))
  })

  it('ignores drags that carry no files', () => {
    render(<Custom onFiles={vi.fn()} />)
    const zone = screen.getByRole('button', { name: 'Custom zone' })
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['text/plain'] } })
    expect(zone).not.toHaveClass('over')
  })

  it('takes pastes on the whole document when asked, but not in text fields', () => {
    const onFiles = vi.fn()
    render(
      <>
        <Custom onFiles={onFiles} pasteOnDocument />
        <textarea aria-label="Notes" />
      </>,
    )
    const a = new File(['a'], 'a.png')
    fireEvent.paste(document.body, { clipboardData: { files: [a] } })
    expect(onFiles).toHaveBeenCalledWith([a])
    fireEvent.paste(screen.getByRole('textbox', { name: 'Notes' }), { clipboardData: { files: [a] } })
    expect(onFiles).toHaveBeenCalledTimes(1)
  })
})
