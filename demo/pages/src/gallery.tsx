import '@upkit/uploader-core/styles.css'
import { formatBytes } from '@upkit/uploader-core/view'
import './demo.css'
import { StrictMode, useCallback, useEffect, useRef, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { DemoConfig } from './demo-config.js'
import { filesApi, type StoredFile } from './emulator-api.js'
import { Layout } from './Layout.js'
import { type Box, thumbnailSources } from './thumbnail.js'
import { useDemoConfig } from './use-demo-config.js'

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|svg)$/i

function isImage(file: StoredFile): boolean {
  return (
    (file.mime ?? '').startsWith('image/') || file.fileType === 'image' || IMAGE_EXTENSIONS.test(file.name)
  )
}

/** Measures an element's CSS size, again whenever the layout changes it (null until measured). */
function useBox<E extends Element>(): [(element: E | null) => void, Box | null] {
  const [box, setBox] = useState<Box | null>(null)
  const observer = useRef<ResizeObserver | null>(null)
  const ref = useCallback((element: E | null) => {
    observer.current?.disconnect()
    if (!element) return
    const measure = () => {
      const { width, height } = element.getBoundingClientRect()
      if (width > 0 && height > 0)
        setBox((old) => (old?.width === width && old.height === height ? old : { width, height }))
    }
    observer.current = new ResizeObserver(measure)
    observer.current.observe(element)
    measure()
  }, [])
  return [ref, box]
}

/** The thumbnail, asked for at the size it is drawn × devicePixelRatio (not upscaled from a fixed 200 px one). */
function Thumbnail({ config, file }: { config: DemoConfig; file: StoredFile }) {
  const [ref, box] = useBox<HTMLImageElement>()
  const sources = box ? thumbnailSources(config.urlEndpoint, file, box, window.devicePixelRatio) : null
  return <img ref={ref} {...sources} alt={file.name} loading="lazy" width={160} height={120} />
}

interface FileCardProps {
  config: DemoConfig
  file: StoredFile
  onDelete: (file: StoredFile) => void
}

function FileCard({ config, file, onDelete }: FileCardProps) {
  return (
    <li className="demo-tile">
      {isImage(file) ? (
        <Thumbnail config={config} file={file} />
      ) : (
        <div className="demo-tile-icon" aria-hidden="true">
          {(file.name.split('.').pop() ?? 'file').slice(0, 4).toUpperCase()}
        </div>
      )}
      <a href={file.url} className="demo-tile-name">
        {file.name}
      </a>
      <span className="demo-hint">
        {formatBytes(file.size)} · {file.filePath.slice(0, file.filePath.lastIndexOf('/')) || '/'}
      </span>
      {file.tags && file.tags.length > 0 && <span className="demo-hint">Tags: {file.tags.join(', ')}</span>}
      <button type="button" aria-label={`Delete ${file.name}`} onClick={() => onDelete(file)}>
        Delete
      </button>
    </li>
  )
}

/** Every stored file, newest first, from ImageKit's list API (through the demo server); delete one by one. */
function Gallery({ config }: { config: DemoConfig }) {
  const [files, setFiles] = useState<StoredFile[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    if (!config.emulatorUrl) return
    filesApi.list().then(
      (listed) => {
        setFiles(listed)
        setError(null)
      },
      (reason: unknown) => setError(String(reason)),
    )
  }, [config])
  useEffect(load, [load])
  const remove = (file: StoredFile) => {
    filesApi.delete(file.fileId).then(load, (reason: unknown) => setError(String(reason)))
  }
  if (!config.emulatorUrl) {
    return (
      <p className="demo-note">
        The gallery lists the local emulator's files; with a real ImageKit account, open your Media Library.
      </p>
    )
  }
  return (
    <section className="demo-card" aria-labelledby="gallery-title">
      <div className="demo-row">
        <h2 id="gallery-title">
          {files ? `${files.length} stored file${files.length === 1 ? '' : 's'}` : 'Files'}
        </h2>
        <button type="button" onClick={load}>
          Refresh
        </button>
      </div>
      {error && <p role="alert">The media API call failed: {error}</p>}
      {files && files.length === 0 && (
        <p className="demo-note">
          Nothing stored yet: upload something on the <a href="/">React page</a>.
        </p>
      )}
      {files && files.length > 0 && (
        <ul className="demo-tiles">
          {files.map((file) => (
            <FileCard key={file.fileId} config={config} file={file} onDelete={remove} />
          ))}
        </ul>
      )}
    </section>
  )
}

function App() {
  const { config, error } = useDemoConfig()
  return (
    <Layout
      current="/gallery.html"
      title="Gallery"
      config={config}
      intro={
        <p>
          Every file the emulator has stored, listed and deleted with ImageKit's media API (as an app's server
          would, with the key the demo signs with), with thumbnails from its URL endpoint.
        </p>
      }
    >
      {error && <p role="alert">Could not reach the demo server: {error}</p>}
      {config && <Gallery config={config} />}
    </Layout>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
