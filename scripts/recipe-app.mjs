// What the `examples` step does with each recipe app (scripts/examples.mjs): install it with npm from the
// packed tarballs (kept until its manifest or a tarball changes), start its server, and upload a file
// through one of its pages in Chromium.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { capture, libraries, packDir, readJson, tarballName } from './workspace.mjs'

const sha = (data) => createHash('sha256').update(data).digest('hex')

/** The environment for a recipe's tools: `node` first on PATH, no npm update notice, no Next telemetry. */
export function withNode(node, env = process.env) {
  return {
    ...env,
    PATH: `${dirname(node)}:${env.PATH}`,
    npm_config_update_notifier: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
  }
}

/**
 * Writes a recipe app into `dir`: the files of `source` (fresh each run, except what `keep` names and what
 * npm and the build cache own), its manifest with the tarballs of `packages`, and installs it when the
 * manifest or a tarball changed. Returns `{ ok, note }`.
 */
export function installApp({ node, source, dir, packages, skip = () => false, keep = [] }) {
  mkdirSync(dir, { recursive: true })
  const kept = new Set(['node_modules', 'tarballs', 'package-lock.json', ...keep])
  for (const entry of readdirSync(dir)) if (!kept.has(entry)) rmSync(join(dir, entry), { recursive: true })
  cpSync(source, dir, { recursive: true, filter: (path) => !path.endsWith('README.md') && !skip(path) })

  // Each tarball under a name with its hash, so npm re-reads exactly the packages whose contents changed.
  const tarballs = join(dir, 'tarballs')
  mkdirSync(tarballs, { recursive: true })
  const manifest = readJson(join(source, 'package.json'))
  for (const { pkg } of libraries().filter(({ pkg }) => packages.includes(pkg.name))) {
    const from = join(packDir, tarballName(pkg))
    const name = tarballName(pkg).replace(/\.tgz$/, `-${sha(readFileSync(from)).slice(0, 12)}.tgz`)
    if (!existsSync(join(tarballs, name))) copyFileSync(from, join(tarballs, name))
    const section = pkg.name === '@upkit/imagekit-emulator' ? 'devDependencies' : 'dependencies'
    manifest[section] = { ...manifest[section], [pkg.name]: `file:tarballs/${name}` }
  }
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  writeFileSync(join(dir, 'package.json'), text)

  const stampPath = join(dir, 'node_modules', '.upkit-install-stamp')
  const stamp = sha(`${text}\n${capture(node, ['--version']).output}`)
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    return { ok: true, note: 'npm install: cached (manifest and tarballs unchanged)' }
  }
  const started = Date.now()
  const installed = capture('npm', ['install', '--engine-strict', '--no-audit', '--no-fund'], {
    cwd: dir,
    env: withNode(node),
  })
  if (!installed.ok) return { ok: false, note: installed.output }
  writeFileSync(stampPath, stamp)
  return { ok: true, note: `npm install --engine-strict: ${Math.round((Date.now() - started) / 1000)} s` }
}

/** Puts the emulator's real address where a recipe file shows the one `npx upkit-emulator` uses. */
export function pointAtEmulator(path, shown, url) {
  writeFileSync(path, readFileSync(path, 'utf8').replaceAll(shown, url))
}

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/**
 * Runs `node ...args` in `cwd` (`server.ts`, or `next start`, which serves in its own process) and resolves
 * once its output matches `ready`, with a stop function; `{ ok: false, output }` when it exits or 30 s pass.
 */
export function startServer({ node, args, cwd, env, ready }) {
  return new Promise((resolve) => {
    const child = spawn(node, args, {
      cwd,
      env: withNode(node, env),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const stop = () =>
      new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
    const timer = setTimeout(
      () => resolve({ ok: false, output: `${output}\n(not ready after 30 s)`, stop }),
      30_000,
    )
    const onData = (chunk) => {
      output += chunk
      if (ready.test(output)) {
        clearTimeout(timer)
        resolve({ ok: true, output, stop })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ ok: false, output: `${output}\n(server exited with ${code})`, stop })
    })
  })
}

// A 2×2 PNG: the emulator reads real dimensions from the bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
)

/**
 * Chooses a file in the page's input, at once after the page loads: on a server-rendered page
 * (Next.js) that is before React hydrates it and before the engine exists, which the widget must
 * handle (the file is added once the engine is there), as it must for a quick user.
 */
async function choose(page, row, file) {
  await page.locator('input[type="file"]').setInputFiles(file)
  await row.waitFor({ timeout: 15_000 })
}

/** Uploads one file through a page's file input; resolves to what went wrong, or null. */
export async function uploadThrough(page, url, fileName, emulator) {
  const problems = []
  const logged = [] // console errors, shown only when the upload fails
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => message.type() === 'error' && logged.push(message.text()))
  await page.goto(url)
  const row = page.locator('.upkit-file', { hasText: fileName })
  try {
    await choose(page, row, { name: fileName, mimeType: 'image/png', buffer: PNG })
    await row.and(page.locator('[data-status="success"]')).waitFor({ timeout: 30_000 })
  } catch {
    const status = await row.getAttribute('data-status', { timeout: 1000 }).catch(() => 'no row')
    const widget = await page
      .locator('[role="alert"], .upkit-file')
      .allTextContents()
      .catch(() => [])
    const seen = [...widget, ...problems, ...logged].join('; ').replace(/\s+/g, ' ')
    return `${fileName}: status ${status}, not success; page: ${seen}`
  }
  // The emulator keeps ImageKit's unique-name suffix (photo_x1y2.png), so match on the name before it.
  const stored = (await emulator.files()).filter((file) =>
    file.name.startsWith(fileName.replace(/\.png$/, '')),
  )
  if (stored.length !== 1)
    return `${fileName}: the page says uploaded, but the emulator holds ${stored.length} such files`
  if (!stored[0].filePath.startsWith('/users/alice/'))
    return `${fileName}: stored at ${stored[0].filePath}, not in /users/alice/`
  return problems.length ? problems.join('; ') : null
}
