import { act } from '@testing-library/react'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { expect, it, vi } from 'vitest'
import { Uploader } from '../src/index.js'

it('hydrates server HTML without mismatches, then creates its engine', async () => {
  const element = (
    <Uploader
      publicKey="public_x"
      auth="http://127.0.0.1:9/auth"
      uploadEndpoint="http://127.0.0.1:9/api/v1/files/upload"
    />
  )
  // React 18 warns about layout effects when a "server" render has a DOM (jsdom); a real server has none.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
  const html = renderToString(element)
  quiet.mockRestore()
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  const errors = vi.spyOn(console, 'error')
  const root = await act(async () => hydrateRoot(container, element))
  expect(errors).not.toHaveBeenCalled()
  const zone = container.querySelector('.upkit-dropzone')
  // Disabled on the server and in the first client render; enabled once the engine exists.
  expect(zone).toHaveAttribute('tabindex', '0')
  act(() => root.unmount())
  container.remove()
})

it('keeps a file picked in the server HTML before hydration: it is added once the engine exists', async () => {
  const element = (
    <Uploader
      publicKey="public_x"
      auth="http://127.0.0.1:9/auth"
      uploadEndpoint="http://127.0.0.1:9/api/v1/files/upload"
      autoUpload={false}
    />
  )
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
  const html = renderToString(element)
  quiet.mockRestore()
  const container = document.createElement('div')
  container.innerHTML = html
  document.body.append(container)
  // a quick user on a slow device: the file is chosen while the page is still plain HTML
  const input = container.querySelector<HTMLInputElement>('input[type="file"]')
  const early = new File(['hi'], 'early.txt', { type: 'text/plain' })
  Object.defineProperty(input, 'files', { configurable: true, value: [early] })
  const root = await act(async () => hydrateRoot(container, element))
  await act(async () => {})
  expect(container.querySelector('[data-file-name="early.txt"], .upkit-file')?.textContent).toContain(
    'early.txt',
  )
  act(() => root.unmount())
  container.remove()
})
