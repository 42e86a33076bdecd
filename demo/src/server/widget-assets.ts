import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import express, { type Router } from 'express'

const require = createRequire(import.meta.url)

/** packages/uploader-core, found through the demo's own dependency on it. */
export const coreDir = dirname(require.resolve('@upkit/uploader-core/package.json'))
const distDir = join(coreDir, 'dist')
const WIDGET_FILES = ['upkit.iife.js', 'upkit-images.iife.js', 'upkit.css'] as const

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** True when dist/upkit.iife.js or dist/upkit.css is missing or older than the core's sources. */
export function widgetBuildNeeded(): boolean {
  const files = WIDGET_FILES.map((name) => join(distDir, name))
  if (!files.every((file) => existsSync(file))) return true
  const built = Math.min(...files.map((file) => statSync(file).mtimeMs))
  return newestMtime(join(coreDir, 'src')) > built
}

/** Builds the `<script>`-tag widget when missing or stale (`pnpm --filter @upkit/uploader-core run build`). */
export function ensureWidgetBuilt(log: (line: string) => void): void {
  if (!widgetBuildNeeded()) return
  log('building the <script>-tag widget (pnpm --filter @upkit/uploader-core run build) …')
  const result = spawnSync('pnpm', ['--filter', '@upkit/uploader-core', 'run', 'build'], {
    cwd: coreDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, COREPACK_INTEGRITY_KEYS: '0' },
  })
  if (result.status !== 0 || widgetBuildNeeded()) {
    console.warn('upkit demo: the <script>-tag widget did not build; /script.html will not work')
  }
}

const TYPES: Record<string, string> = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' }

function read(file: string): Buffer | null {
  try {
    return readFileSync(file)
  } catch {
    return null
  }
}

/**
 * Serves /upkit.iife.js, /upkit-images.iife.js (loaded by Upkit.prepareImages) and /upkit.css from packages/uploader-core/dist. The files are also kept in memory
 * from startup, so a package rebuild that empties dist/ meanwhile never breaks the page.
 */
export function widgetAssets(): Router {
  const router = express.Router()
  for (const name of WIDGET_FILES) {
    const file = join(distDir, name)
    const snapshot = read(file)
    router.get(`/${name}`, (_req, res) => {
      const body = read(file) ?? snapshot
      if (!body) {
        res
          .status(404)
          .type('text/plain')
          .send(`${name} is not built: pnpm --filter @upkit/uploader-core run build`)
        return
      }
      res
        .set('Cache-Control', 'no-cache')
        .type(TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream')
      res.send(body)
    })
  }
  return router
}
