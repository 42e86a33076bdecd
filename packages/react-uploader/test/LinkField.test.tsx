import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { FakeUploader, fakeFile } from '@upkit/test-support'
import { createUploader, de } from '@upkit/uploader-core'
import { describe, expect, it } from 'vitest'
import { Uploader } from '../src/index.js'
import { axeViolations } from './axe.js'

/** A real engine (its own checks of the link); nothing is uploaded (`autoUpload: false`). */
const engine = (extra = {}) =>
  createUploader({ publicKey: 'public_test', auth: 'https://app.example/auth', autoUpload: false, ...extra })

describe('<Uploader allowUrls>', () => {
  it('has no link field by default', () => {
    render(<Uploader uploader={new FakeUploader()} />)
    expect(screen.queryByRole('textbox', { name: 'Add from a link' })).toBeNull()
  })

  it('is a labelled URL field with an Add button outside the drop zone, axe-clean', async () => {
    const { container } = render(<Uploader uploader={new FakeUploader()} allowUrls />)
    const input = screen.getByRole('textbox', { name: 'Add from a link' })
    expect(input).toHaveAttribute('type', 'url')
    expect(screen.getByRole('button', { name: 'Add' })).toHaveAttribute('type', 'submit')
    expect(container.querySelector('.upkit-dropzone')?.contains(input)).toBe(false)
    expect(await axeViolations(container)).toEqual([])
  })

  it('Enter adds the link and empties the field', async () => {
    const uploader = new FakeUploader()
    render(<Uploader uploader={uploader} allowUrls />)
    const input = screen.getByRole('textbox', { name: 'Add from a link' })
    await userEvent.type(input, 'https://example.com/cat.jpg{Enter}')
    expect(uploader.addUrl).toHaveBeenCalledWith('https://example.com/cat.jpg')
    expect(input).toHaveValue('')
  })

  it('shows a refused link’s coded message, tied to the field, with focus back in it; axe-clean', async () => {
    const uploader = engine()
    const { container } = render(<Uploader uploader={uploader} allowUrls />)
    const input = screen.getByRole('textbox', { name: 'Add from a link' })
    await userEvent.type(input, 'example.com/cat.jpg')
    await userEvent.click(screen.getByRole('button', { name: 'Add' }))
    expect(input).toHaveAccessibleDescription('Enter a full link starting with https:// or http://.')
    expect(input).toHaveAttribute('aria-invalid', 'true')
    expect(input).toHaveFocus()
    expect(await axeViolations(container)).toEqual([])
    await userEvent.clear(input)
    await userEvent.type(input, 'https://example.com/cat.jpg{Enter}')
    expect(input).not.toHaveAttribute('aria-invalid')
    expect(input).not.toHaveAccessibleDescription()
    expect(uploader.getSnapshot().files[0]?.url).toBe('https://example.com/cat.jpg')
    uploader.destroy()
  })

  it('speaks the locale', async () => {
    const uploader = engine({ locale: de })
    render(<Uploader uploader={uploader} allowUrls locale={de} />)
    const input = screen.getByRole('textbox', { name: 'Über einen Link hinzufügen' })
    await userEvent.type(input, 'https://a:b@example.com/x.jpg{Enter}')
    expect(input).toHaveAccessibleDescription(/^Links mit Benutzername oder Passwort gehen nicht/)
    uploader.destroy()
  })

  it('is disabled with the widget', () => {
    render(<Uploader uploader={new FakeUploader()} allowUrls disabled />)
    expect(screen.getByRole('textbox', { name: 'Add from a link' })).toBeDisabled()
    expect(screen.getByRole('button', { name: 'Add' })).toBeDisabled()
  })

  it('draws a link’s row with an indeterminate bar and no size until ImageKit has it', () => {
    const uploader = new FakeUploader()
    const { container } = render(<Uploader uploader={uploader} />)
    const link = { url: 'https://example.com/cat.jpg', name: 'cat.jpg', type: 'image/jpeg', size: 0 }
    act(() => void uploader.setFiles([fakeFile('a', 'uploading', { ...link, data: new Blob([]) })]))
    const bar = screen.getByRole('progressbar', { name: 'Upload progress of cat.jpg' })
    expect(bar).not.toHaveAttribute('value')
    expect(bar).not.toHaveAttribute('aria-valuetext')
    expect(container.querySelector('.upkit-file-size')).toHaveTextContent(/^$/)
    expect(container.querySelector('img.upkit-thumb')).toBeNull()
  })
})
