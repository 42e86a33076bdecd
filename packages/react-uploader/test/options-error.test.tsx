import { act, render, screen } from '@testing-library/react'
import { isUploadError } from '@upkit/uploader-core'
import { Component, type ReactNode, StrictMode, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Uploader, type UploaderProps, useUploader } from '../src/index.js'

afterEach(() => vi.restoreAllMocks())

/** An app around the widget: a heading and a counter that must keep working whatever the widget's props. */
function App(props: { uploader: UploaderProps }) {
  const [count, setCount] = useState(0)
  return (
    <main>
      <h1>My app</h1>
      <button type="button" onClick={() => setCount((n) => n + 1)}>
        Clicked {count}
      </button>
      <Uploader {...props.uploader} />
    </main>
  )
}

function renderApp(uploader: Record<string, unknown>) {
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
  const view = render(
    <StrictMode>
      <App uploader={uploader as unknown as UploaderProps} />
    </StrictMode>,
  )
  return { ...view, logged }
}

describe('<Uploader> with options it cannot work with', () => {
  it('an http uploadEndpoint: the frame shows the error naming the option, the app keeps rendering', async () => {
    const { container, logged } = renderApp({
      auth: '/api/imagekit/auth',
      uploadEndpoint: 'http://upload.example.com/api/v1/files/upload',
    })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'Uploads need a secure (https) address, but http://upload.example.com/api/v1/files/upload is not one. (<Uploader>: option "uploadEndpoint"; pass an https URL, http only for localhost.)',
    )
    expect(alert.parentElement).toHaveClass('upkit', 'upkit--styled')
    expect(container.querySelector('.upkit-dropzone')).toBeNull()
    expect(screen.getByRole('heading', { name: 'My app' })).toBeInTheDocument()
    act(() => screen.getByRole('button', { name: 'Clicked 0' }).click())
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeInTheDocument()
    // Logged once, the whole error (its code and stack), however often the app re-renders.
    expect(logged).toHaveBeenCalledTimes(1)
    const [error] = logged.mock.calls[0] ?? []
    expect(isUploadError(error) && error.code).toBe('INSECURE_ENDPOINT')
  })

  it('INVALID_OPTIONS from createUploader (auth: 42, no auth) is shown the same way', async () => {
    const { unmount } = renderApp({ auth: 42 })
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '<Uploader>: option "auth" is 42; pass a URL, { url, method? }, or a function.',
    )
    unmount()
    renderApp({ publicKey: 'public_x' })
    expect(await screen.findByRole('alert')).toHaveTextContent(/^<Uploader>: the "auth" option is missing/)
  })

  it('a widget prop of the wrong type is shown too, without an error boundary', () => {
    const { logged } = renderApp({ auth: '/auth', theme: 'blue' })
    expect(screen.getByRole('alert')).toHaveTextContent(
      `<Uploader>: option "theme" is string; pass 'light' or 'dark'.`,
    )
    expect(screen.getByRole('heading', { name: 'My app' })).toBeInTheDocument()
    expect(logged).toHaveBeenCalledTimes(1)
  })

  it('draws the widget once the props are fixed', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { rerender } = render(<Uploader auth={42 as unknown as string} />)
    expect(await screen.findByRole('alert')).toBeInTheDocument()
    rerender(<Uploader auth="/api/imagekit/auth" />)
    expect(await screen.findByRole('button', { name: /drag files here/i })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('warns once about an unknown prop, naming the close match', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    renderApp({ auth: '/auth', maxFileSize: 1000 })
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      '[upkit] <Uploader>: unknown option "maxFileSize" is ignored; did you mean "restrictions.maxFileSize"?',
    ])
    expect(screen.getByRole('button', { name: /drag files here/i })).toBeInTheDocument()
  })
})

class Boundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown }
  static getDerivedStateFromError(error: unknown) {
    return { error }
  }
  override render() {
    return this.state.error ? (
      <p>caught {String((this.state.error as Error).message)}</p>
    ) : (
      this.props.children
    )
  }
}

function Headless() {
  const { state } = useUploader({ auth: 42 as unknown as string })
  return <p>{state.files.length} files</p>
}

describe('useUploader (headless) with options createUploader refuses', () => {
  it('throws the INVALID_OPTIONS error, for the app to handle (documented)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <Boundary>
        <Headless />
      </Boundary>,
    )
    expect(await screen.findByText(/caught createUploader: option "auth" is 42/)).toBeInTheDocument()
  })
})
