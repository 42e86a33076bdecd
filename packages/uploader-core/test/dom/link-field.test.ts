import { FakeUploader, fakeFile } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '../../src/dom/index.js'
import { createUploader, de } from '../../src/index.js'
import { FakeUploadServer, fakeSigner } from '../helpers/fake-xhr.js'
import { freshHost } from './fresh-host.js'

const host = freshHost()

/** A real engine (its own checks of the link), answering on a scripted XHR. */
const engine = (locale = {}) =>
  createUploader({
    publicKey: 'public_test',
    auth: 'https://app.example/auth',
    xhr: new FakeUploadServer().xhr,
    fetch: fakeSigner().fetch,
    autoUpload: false,
    ...locale,
  })

const form = () => host().querySelector('form.upkit-link') as HTMLFormElement | null
const field = () => host().querySelector('input.upkit-link-input') as HTMLInputElement
const submit = (value: string) => {
  field().value = value
  form()?.requestSubmit()
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('"Add from a link" in the vanilla widget', () => {
  it('is off by default', () => {
    mount(host(), { uploader: new FakeUploader() })
    expect(form()).toBeNull()
  })

  it('is a labelled URL field with an Add button, after the drop zone and outside it', () => {
    mount(host(), { uploader: new FakeUploader(), allowUrls: true })
    const input = field()
    const label = host().querySelector(`label[for="${input.id}"]`)
    expect(label?.textContent).toBe('Add from a link')
    expect(input.type).toBe('url')
    expect(form()?.noValidate).toBe(true)
    expect(form()?.querySelector('button')).toMatchObject({ type: 'submit', textContent: 'Add' })
    expect(host().querySelector('.upkit-dropzone')?.nextElementSibling).toBe(form())
    expect(host().querySelector('.upkit-dropzone')?.contains(input)).toBe(false)
  })

  it('Enter (submit) adds the link and empties the field', async () => {
    const uploader = new FakeUploader()
    mount(host(), { uploader, allowUrls: true })
    submit('https://example.com/cat.jpg')
    await tick()
    expect(uploader.links).toEqual(['https://example.com/cat.jpg'])
    expect(field().value).toBe('')
    expect(host().querySelector('.upkit-file')).not.toBeNull()
  })

  it('shows a refused link’s coded message under the field, tied to it, and keeps focus there', async () => {
    const uploader = engine()
    mount(host(), { uploader, allowUrls: true })
    host().querySelector<HTMLButtonElement>('.upkit-link button')?.focus()
    submit('ftp://example.com/cat.jpg')
    await tick()
    const error = host().querySelector('.upkit-link-error') as HTMLElement
    expect(error.textContent).toBe('Enter a full link starting with https:// or http://.')
    expect(error.getAttribute('aria-live')).toBe('polite')
    expect(field().getAttribute('aria-invalid')).toBe('true')
    expect(field().getAttribute('aria-describedby')).toBe(error.id)
    expect(document.activeElement).toBe(field())
    expect(field().value).toBe('ftp://example.com/cat.jpg') // kept, to be fixed
    expect(uploader.getSnapshot().files).toHaveLength(0)

    submit('https://example.com/cat.jpg')
    await tick()
    expect(error.textContent).toBe('')
    expect(field().hasAttribute('aria-invalid')).toBe(false)
    expect(field().hasAttribute('aria-describedby')).toBe(false)
    expect(uploader.getSnapshot().files[0]?.url).toBe('https://example.com/cat.jpg')
    uploader.destroy()
  })

  it('speaks the widget’s locale', async () => {
    const uploader = engine({ locale: de })
    mount(host(), { uploader, allowUrls: true, locale: de })
    expect(host().querySelector('.upkit-link label')?.textContent).toBe('Über einen Link hinzufügen')
    submit('https://user:pw@example.com/a.jpg')
    await tick()
    expect(host().querySelector('.upkit-link-error')?.textContent).toMatch(
      /^Links mit Benutzername oder Passwort gehen nicht/,
    )
    uploader.destroy()
  })

  it('is disabled with the widget', () => {
    mount(host(), { uploader: new FakeUploader(), allowUrls: true, disabled: true })
    expect(field().disabled).toBe(true)
    expect(host().querySelector<HTMLButtonElement>('.upkit-link button')?.disabled).toBe(true)
  })

  it('draws a link’s row with an indeterminate bar, no size and no preview until ImageKit has it', () => {
    const uploader = new FakeUploader()
    mount(host(), { uploader })
    const link = { url: 'https://example.com/cat.jpg', name: 'cat.jpg', type: 'image/jpeg', size: 0 }
    uploader.setFiles([fakeFile('a', 'uploading', { ...link, data: new Blob([]) })])
    const bar = host().querySelector('.upkit-file progress') as HTMLProgressElement
    expect(bar.hasAttribute('value')).toBe(false)
    expect(bar.hasAttribute('aria-valuetext')).toBe(false)
    expect(host().querySelector('.upkit-file-size')?.textContent).toBe('')
    expect(host().querySelector('.upkit-file-status')?.textContent).toBe('Uploading')
    expect(host().querySelector('img.upkit-thumb')).toBeNull()
    uploader.setFiles([fakeFile('a', 'success', { ...link, size: 2048, percent: 100 })])
    expect(bar.getAttribute('value')).toBe('100')
    expect(host().querySelector('.upkit-file-size')?.textContent).toBe('2 kB')
  })
})
