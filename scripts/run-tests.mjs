#!/usr/bin/env node
// Runs every test and check of the workspace and ends with one plain `N passed, N failed` line,
// summing Vitest's and Playwright's own counts with one count per check (type check, lint, package
// shape, size budget, Next build, engine-strict install, README example). Usage:
//   node scripts/run-tests.mjs [--only step,step]
// Steps: typecheck, lint, unit, packages, size, next, e2e, runtimes, examples.
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { examples } from './examples.mjs'
import { pack } from './pack.mjs'
import { runtimes } from './runtimes.mjs'
import {
  capture,
  libraries as publishedLibraries,
  readJson,
  root,
  run,
  satisfiesNode,
  tmp,
} from './workspace.mjs'

const onlyArg = process.argv.indexOf('--only')
const only = onlyArg > -1 ? new Set(process.argv[onlyArg + 1].split(',')) : null

const totals = { passed: 0, failed: 0 }
const failures = []

function check(name, ok) {
  if (ok) totals.passed++
  else {
    totals.failed++
    failures.push(name)
  }
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
}

// attw checks types of JavaScript entry points; a stylesheet export has none.
function cssEntries(pkg) {
  const css = Object.keys(pkg.exports ?? {}).filter((entry) => entry.endsWith('.css'))
  return css.length ? ['--exclude-entrypoints', ...css] : []
}

const libraries = publishedLibraries()
const allPackages = [
  ...libraries,
  { dir: 'demo', pkg: readJson(join(root, 'demo/package.json')) },
  { dir: 'test-support', pkg: readJson(join(root, 'test-support/package.json')) },
]

// The browser packages declare the Node lines their dependencies support (@uppy/core's need Node 22+).
// On an older Node, pnpm warns before every script it runs in them; say it once here instead.
const outsideEngines = libraries.filter(
  ({ pkg }) => pkg.engines?.node && !satisfiesNode(process.version, pkg.engines.node),
)
const quietEngines = (pkg) => (outsideEngines.some((entry) => entry.pkg === pkg) ? ['--loglevel=error'] : [])
if (outsideEngines.length) {
  const names = outsideEngines.map(({ pkg }) => `${pkg.name} (${pkg.engines.node})`).join(', ')
  console.log(
    `note: Node ${process.version} is outside the engines of ${names}; their suites still run on it.`,
  )
}

/** `pnpm run <script>` in a package folder. */
const runScript = (dir, pkg, script) =>
  run('pnpm', ['run', ...quietEngines(pkg), script], { cwd: join(root, dir) })

// The tarballs in pack/: made by the packages step, or on demand (with a build) by the steps that use them.
let built = false
let packed = null
function ensurePacked() {
  if (packed === null) {
    const results = pack({ withBuild: !built })
    for (const { pkg, ok, problems } of results)
      if (!ok) console.log(`pack ${pkg.name}: ${problems.join('; ')}`)
    packed = results.every((result) => result.ok)
  }
  return packed
}

/** Runs a tool quietly: its output is shown only when it fails. */
function quietly(cmd, args, options) {
  const result = capture(cmd, args, options)
  if (!result.ok) console.log(result.output)
  return result.ok
}

const steps = {
  typecheck() {
    for (const { dir, pkg } of allPackages) {
      if (!pkg?.scripts?.typecheck) continue
      check(`typecheck ${pkg.name}`, runScript(dir, pkg, 'typecheck'))
    }
  },
  lint() {
    check('lint (biome check)', run('pnpm', ['exec', 'biome', 'check', '.']))
  },
  unit() {
    const out = join(tmp, 'vitest.json')
    rmSync(out, { force: true })
    const ok = run('pnpm', [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ])
    const report = readJson(out)
    if (!report) return check('vitest run (no report written)', false)
    totals.passed += report.numPassedTests
    totals.failed += report.numFailedTests
    console.log(`vitest: ${report.numPassedTests} passed, ${report.numFailedTests} failed`)
    // A suite that fails to load counts no test but must still fail the run.
    if (!ok && report.numFailedTests === 0) check('vitest run (suite errors)', false)
  },
  packages() {
    // Build in dependency order, pack what would be published, then check the tarballs themselves.
    const builds = new Map(libraries.map(({ dir, pkg }) => [pkg.name, runScript(dir, pkg, 'build')]))
    built = [...builds.values()].every(Boolean)
    const results = new Map(pack({ withBuild: false }).map((result) => [result.pkg.name, result]))
    packed = [...results.values()].every((result) => result.ok)
    for (const { dir, pkg } of libraries) {
      const cwd = join(root, dir)
      const { ok: tarballOk, path, problems } = results.get(pkg.name)
      for (const problem of problems) console.log(`  ${pkg.name} tarball: ${problem}`)
      const ok =
        builds.get(pkg.name) &&
        tarballOk &&
        quietly('pnpm', ['exec', 'publint', 'run', path, '--strict'], { cwd }) &&
        quietly(
          'pnpm',
          ['exec', 'attw', path, '--profile', 'esm-only', '--format', 'table-flipped', ...cssEntries(pkg)],
          {
            cwd,
          },
        )
      check(`package shape ${pkg.name} (build, tarball contents, publint, attw)`, ok)
    }
  },
  size() {
    for (const { dir, pkg } of libraries) {
      const cwd = join(root, dir)
      if (!existsSync(join(cwd, '.size-limit.json'))) continue
      check(`size budget ${pkg.name}`, run('pnpm', ['exec', 'size-limit'], { cwd }))
    }
  },
  next() {
    if (!existsSync(join(root, 'demo/next/app'))) return
    check('next build (demo/next)', run('pnpm', ['run', 'build'], { cwd: join(root, 'demo/next') }))
  },
  e2e() {
    if (!existsSync(join(root, 'e2e/playwright.config.ts'))) return
    const out = join(tmp, 'playwright.json')
    rmSync(out, { force: true })
    const ok = run('pnpm', ['exec', 'playwright', 'test'], {
      cwd: join(root, 'e2e'),
      env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: out },
    })
    const report = readJson(out)
    if (!report) return check('playwright test (no report written)', false)
    const { expected = 0, unexpected = 0, flaky = 0 } = report.stats ?? {}
    totals.passed += expected + flaky
    totals.failed += unexpected
    console.log(`playwright: ${expected + flaky} passed, ${unexpected} failed`)
    if (!ok && unexpected === 0) check('playwright test (run errors)', false)
  },
  // Server packages on Node 22, 24, 26 (their suites) and engine-strict installs on every claimed Node.
  async runtimes() {
    await runtimes({ check, totals, ensurePacked })
  },
  // README code blocks type-checked, recipes uploading in Chromium, in an npm app of the tarballs.
  async examples() {
    await examples({ check, ensurePacked })
  },
}

for (const [name, step] of Object.entries(steps)) {
  if (only && !only.has(name)) continue
  console.log(`\n=== ${name} ===`)
  const started = Date.now()
  await step()
  console.log(`(${name}: ${Math.round((Date.now() - started) / 1000)} s)`)
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`)
console.log(`\n${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1)
