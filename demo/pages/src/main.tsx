import '@upkit/uploader-core/styles.css'
import './demo.css'
import { Uploader } from '@upkit/react-uploader'
import { de, en, fr } from '@upkit/uploader-core'
import { persistQueue } from '@upkit/uploader-core/persist'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import type { DemoConfig } from './demo-config.js'
import { FaultPanel } from './FaultPanel.js'
import { Layout } from './Layout.js'
import { SettingsPanel } from './SettingsPanel.js'
import { type DemoSettings, parseSettings, settingsFromUrl, settingsToUrl } from './settings.js'
import { useDemoConfig } from './use-demo-config.js'

const LOCALES = { en, de, fr } as const

/** Test knob: `?retries=N` sets the retry budget (the e2e offline test makes it short). */
const retryLimit = Number(new URLSearchParams(location.search).get('retries') ?? Number.NaN)
const retry = Number.isInteger(retryLimit) && retryLimit >= 0 ? { retry: { limit: retryLimit } } : {}

/** `?urls=1` shows "Add from a link" (try /sample-photo.png on this server; the e2e link test). */
const allowUrls = new URLSearchParams(location.search).get('urls') === '1'

/** Test knob: `?persist=1` keeps the upload queue in IndexedDB across reloads (the e2e reload test). */
const persist =
  new URLSearchParams(location.search).get('persist') === '1'
    ? { persist: persistQueue({ key: 'react' }) }
    : {}

function uploaderKey(config: DemoConfig, settings: DemoSettings): string {
  return JSON.stringify([config.publicKey, config.keyState, settings])
}

function UploaderCard({ config, settings }: { config: DemoConfig; settings: DemoSettings }) {
  const parsed = parseSettings(settings, config.maxFileSize)
  const folder = parsed.folder ? `${config.folder}/${parsed.folder.replace(/^\/+/, '')}` : config.folder
  return (
    <section className="demo-card demo-uploader" aria-labelledby="uploader-title">
      <h2 id="uploader-title">Upload files</h2>
      <Uploader
        // A new key recreates the engine: the old one is destroyed with the old settings.
        key={uploaderKey(config, settings)}
        publicKey={config.publicKey}
        // POST describes each file, so the signing route applies its policy (and forces the user folder).
        auth={{ url: '/api/imagekit/auth', method: 'POST' }}
        uploadEndpoint={config.uploadEndpoint}
        params={{ folder, ...(parsed.tags ? { tags: parsed.tags } : {}) }}
        restrictions={parsed.restrictions}
        concurrency={parsed.concurrency}
        locale={LOCALES[parsed.locale]}
        intlLocale={parsed.locale}
        {...retry}
        {...persist}
        allowUrls={allowUrls}
      />
    </section>
  )
}

function App() {
  const { config, setConfig, error } = useDemoConfig()
  const [settings, setSettings] = useState(() => settingsFromUrl(location.search))
  const apply = (next: DemoSettings) => {
    history.replaceState(null, '', settingsToUrl(next))
    setSettings(next)
  }
  return (
    <Layout
      current="/"
      title="React component"
      config={config}
      intro={
        <p>
          <code>&lt;Uploader&gt;</code> from <code>@upkit/react-uploader</code>: drop, paste or browse files;
          each one gets a fresh signature from this demo's signing route and goes straight to{' '}
          {config?.mode === 'imagekit' ? 'ImageKit' : 'the local ImageKit emulator'}.
        </p>
      }
    >
      {error && <p role="alert">Could not reach the demo server: {error}</p>}
      {config && (
        <div className="demo-grid">
          <div className="demo-column">
            <UploaderCard config={config} settings={settings} />
            <FaultPanel config={config} onKeyChange={setConfig} />
          </div>
          <SettingsPanel
            settings={settings}
            userFolder={config.folder}
            maxFileSize={config.maxFileSize}
            onApply={apply}
          />
        </div>
      )}
    </Layout>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
