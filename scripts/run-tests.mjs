#!/usr/bin/env node
// Runs every test and check of the workspace and ends with one plain `N passed, N failed` line,
// summing Vitest's and Playwright's own counts with one count per check (type check, lint, package
// shape, size budget, Next build). Usage: node scripts/run-tests.mjs [--only step,step]
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const tmp = join(root, '.tmp')
mkdirSync(tmp, { recursive: true })

const onlyArg = process.argv.indexOf('--only')
const only = onlyArg > -1 ? new Set(process.argv[onlyArg + 1].split(',')) : null

const totals = { passed: 0, failed: 0 }
const failures = []

function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options })
  return result.status === 0
}

function check(name, ok) {
  if (ok) totals.passed++
  else {
    totals.failed++
    failures.push(name)
  }
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`)
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

function workspacePackages(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, 'package.json')))
    .map((entry) => ({
      dir: join(dir, entry.name),
      pkg: readJson(join(root, dir, entry.name, 'package.json')),
    }))
}

// attw checks types of JavaScript entry points; a stylesheet export has none.
function cssEntries(pkg) {
  const css = Object.keys(pkg.exports ?? {}).filter((entry) => entry.endsWith('.css'))
  return css.length ? ['--exclude-entrypoints', ...css] : []
}

// Published packages, each after the workspace packages it depends on (their dist must exist to build it).
function inBuildOrder(packages) {
  const byName = new Map(packages.map((entry) => [entry.pkg.name, entry]))
  const ordered = new Set()
  const visit = (entry) => {
    if (ordered.has(entry)) return
    for (const dep of Object.keys(entry.pkg.dependencies ?? {})) if (byName.has(dep)) visit(byName.get(dep))
    ordered.add(entry)
  }
  for (const entry of packages) visit(entry)
  return [...ordered]
}

const libraries = inBuildOrder(workspacePackages('packages').filter(({ pkg }) => !pkg.private))
const allPackages = [
  ...libraries,
  { dir: 'demo', pkg: readJson(join(root, 'demo/package.json')) },
  { dir: 'test-support', pkg: readJson(join(root, 'test-support/package.json')) },
]

const steps = {
  typecheck() {
    for (const { dir, pkg } of allPackages) {
      if (!pkg?.scripts?.typecheck) continue
      check(`typecheck ${pkg.name}`, run('pnpm', ['run', 'typecheck'], { cwd: join(root, dir) }))
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
    for (const { dir, pkg } of libraries) {
      const cwd = join(root, dir)
      const ok =
        run('pnpm', ['run', 'build'], { cwd }) &&
        run('pnpm', ['exec', 'publint', '--strict'], { cwd }) &&
        run('pnpm', ['exec', 'attw', '--pack', '.', '--profile', 'esm-only', ...cssEntries(pkg)], { cwd })
      check(`package shape ${pkg.name} (build, publint, attw)`, ok)
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
    check('next build (demo/next)', run('pnpm', ['--filter', '@upkit/demo-next', 'run', 'build']))
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
}

for (const [name, step] of Object.entries(steps)) {
  if (only && !only.has(name)) continue
  console.log(`\n=== ${name} ===`)
  step()
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`)
console.log(`\n${totals.passed} passed, ${totals.failed} failed`)
process.exit(totals.failed === 0 && totals.passed > 0 ? 0 : 1)
