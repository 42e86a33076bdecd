import '@upkit/uploader-core/styles.css'
import './demo.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { FaultPanel } from './FaultPanel.js'
import { Layout } from './Layout.js'
import { useDemoConfig } from './use-demo-config.js'

function App() {
  const { config, setConfig, error } = useDemoConfig()
  return (
    <Layout
      current="/faults.html"
      title="Fault panel"
      config={config}
      intro={
        <p>
          Inject faults into the emulator, then upload from the <a href="/">React page</a> or the{' '}
          <a href="/script.html">&lt;script&gt;-tag page</a> (in another tab) and watch retries and messages.
          After a key scenario, reload the uploader page so it picks up the new key.
        </p>
      }
    >
      {error && <p role="alert">Could not reach the demo server: {error}</p>}
      {config && <FaultPanel config={config} onKeyChange={setConfig} title="Faults and keys" />}
    </Layout>
  )
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
