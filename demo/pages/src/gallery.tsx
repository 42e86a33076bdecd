import '@upkit/uploader-core/styles.css'
import './demo.css'
import { StrictMode, useCallback, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { DemoConfig } from './demo-config.js'
import { emulatorApi, type StoredFile } from './emulator-api.js'
import { Layout } from './Layout.js'
import { useDemoConfig } from './use-demo-config.js'

const IMAGE_EXTENSIONS = /\.(png|jpe?g|gif|webp|avif|svg)$/i

function isImage(file: StoredFile): boolean {
  return (
    (file.mime ?? '').startsWith('image/') || file.fileType === 'image' || IMAGE_EXTENSIONS.test(file.name)
  )
}

/** Newest upload first (the emulator lists them in the order they were stored). */
function newestFirst(files: StoredFile[]): StoredFile[] {
  return [...files].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''))
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** ImageKit's thumbnail transformation, as the emulator serves it: `${urlEndpoint}/tr:n-ik_ml_thumbnail${filePath}`. */
function thumbnailUrl(config: DemoConfig, file: StoredFile): string {
  return `${config.urlEndpoint.replace(/\/+$/, '')}/tr:n-ik_ml_thumbnail${file.filePath}`
}

function FileCard({ config, file }: { config: DemoConfig; file: StoredFile }) {
  return (
    <li className="demo-tile">
      {isImage(file) ? (
        <img src={thumbnailUrl(config, file)} alt={file.name} loading="lazy" width={160} height={120} />
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
    </li>
  )
}

function Gallery({ config }: { config: DemoConfig }) {
  const [files, setFiles] = useState<StoredFile[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = useCallback(() => {
    if (!config.emulatorUrl) return
    emulatorApi(config.emulatorUrl)
      .listFiles()
      .then(
        (listed) => setFiles(newestFirst(listed)),
        (reason: unknown) => setError(String(reason)),
      )
  }, [config])
  useEffect(load, [load])
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
      {error && <p role="alert">Could not list the files: {error}</p>}
      {files && files.length === 0 && (
        <p className="demo-note">
          Nothing stored yet: upload something on the <a href="/">React page</a>.
        </p>
      )}
      {files && files.length > 0 && (
        <ul className="demo-tiles">
          {files.map((file) => (
            <FileCard key={file.fileId} config={config} file={file} />
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
      intro={<p>Every file the emulator has stored, with thumbnails from its URL endpoint.</p>}
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
