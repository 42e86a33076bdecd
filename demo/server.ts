/**
 * The one-command demo: the ImageKit emulator, the signing route and the pages.
 *   npm start                    → http://127.0.0.1:4610 (emulator on :4600, data in demo/.upkit-data)
 *   NODE_ENV=production          → serve a `vite build` instead of Vite's dev middleware
 *   IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY, IMAGEKIT_URL_ENDPOINT → upload to a real ImageKit account
 * Other knobs: UPKIT_DEMO_PORT, UPKIT_EMULATOR_PORT, UPKIT_DATA_DIR, UPKIT_DEMO_EPHEMERAL=1 (fresh temp data).
 */
import { join } from 'node:path'
import { demoOptionsFromEnv } from './src/server/options.js'
import { PortInUseError } from './src/server/ports.js'
import type { RunningDemo } from './src/server/start-demo.js'
import { startDemo } from './src/server/start-demo.js'

function describe(demo: RunningDemo, production: boolean): string {
  const { backend, emulator } = demo
  const lines = ['', `  Upkit demo ready: open ${demo.url}/`, '']
  lines.push(`  pages         ${demo.url}/ (React), /script.html, /gallery.html, /faults.html`)
  lines.push(`  signing route ${demo.url}/api/imagekit/auth`)
  lines.push(`  pages mode    ${production ? 'production build (vite build)' : 'development (Vite HMR)'}`)
  if (emulator) {
    lines.push('  mode          local ImageKit emulator (no account, no network)')
    lines.push(`  emulator      ${emulator.url}  (upload ${emulator.uploadUrl})`)
    lines.push(`  URL endpoint  ${emulator.urlEndpoint}`)
    lines.push(`  data          ${demo.dataDir}`)
    for (const key of emulator.keys) {
      lines.push(`  key pair      ${key.publicKey} / ${key.privateKey} (${key.type}, ${key.mediaAccess})`)
    }
    lines.push(
      '  real account  set IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY and IMAGEKIT_URL_ENDPOINT, then npm start',
    )
  } else {
    lines.push('  mode          REAL ImageKit account (IMAGEKIT_* set): uploads go to upload.imagekit.io')
    lines.push(`  public key    ${backend.activeKey().publicKey}`)
    lines.push(`  URL endpoint  ${backend.urlEndpoint}`)
    lines.push('  fault panel   disabled (it needs the emulator)')
  }
  return `${lines.join('\n')}\n`
}

const options = demoOptionsFromEnv(process.env, join(import.meta.dirname, '.upkit-data'))
const demo = await startDemo(options, { log: (line) => console.log(`upkit demo: ${line}`) }).catch(
  (error: unknown) => {
    if (!(error instanceof PortInUseError)) throw error
    // One line and a non-zero exit (start.sh `exec`s this, so nothing else prints after it).
    console.error(`upkit demo: ${error.message}`)
    process.exit(1)
  },
)
console.log(describe(demo, options.production))

let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) process.exit(1)
    closing = true
    console.log(`upkit demo: ${signal}, shutting down`)
    demo.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
