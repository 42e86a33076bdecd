#!/usr/bin/env node
// `npm run pack`: builds the published packages (each after the workspace packages it depends on) and
// writes one tarball per package into pack/ with `pnpm pack`, which turns `workspace:*` dependencies into
// the real versions. Each tarball carries the root LICENSE (copied into the package folder first) and is
// checked: LICENSE, README.md and package.json present, no `workspace:` left, every `exports` target inside.
// Usage: node scripts/pack.mjs [--no-build]
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { capture, libraries, packDir, root, satisfiesNode, tarballName } from './workspace.mjs'

const build = !process.argv.includes('--no-build')

/** Checks one tarball; returns the problems found (none: an empty list). */
export function checkTarball(path, pkg) {
  const listing = capture('tar', ['tzf', path])
  if (!listing.ok) return [`cannot read ${path}`]
  const files = new Set(listing.output.split('\n').filter(Boolean))
  const problems = []
  for (const name of ['LICENSE', 'README.md', 'package.json']) {
    if (!files.has(`package/${name}`)) problems.push(`${name} missing`)
  }
  const manifestText = capture('tar', ['xzf', path, '-O', 'package/package.json']).output
  if (manifestText.includes('workspace:')) problems.push('package.json still has workspace: ranges')
  const license = capture('tar', ['xzf', path, '-O', 'package/LICENSE']).output
  if (license !== readFileSync(join(root, 'LICENSE'), 'utf8'))
    problems.push('LICENSE differs from the root LICENSE')
  const targets = []
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value)
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) key !== '@upkit/source' && collect(v)
  }
  collect(pkg.exports)
  for (const target of Object.values(pkg.bin ?? {})) targets.push(target)
  for (const target of targets) {
    if (!files.has(`package/${target.replace(/^\.\//, '')}`))
      problems.push(`${target} (from exports/bin) missing`)
  }
  return problems
}

export function pack({ withBuild = true } = {}) {
  rmSync(packDir, { recursive: true, force: true })
  mkdirSync(packDir, { recursive: true })
  const results = []
  for (const { dir, pkg } of libraries()) {
    const cwd = join(root, dir)
    // On a Node outside the package's engines (the browser packages on Node 20), pnpm warns on every
    // script it runs there; the test runner says so once instead (see scripts/run-tests.mjs).
    const quiet =
      pkg.engines?.node && !satisfiesNode(process.version, pkg.engines.node) ? ['--loglevel=error'] : []
    if (withBuild) {
      const builtNow = capture('pnpm', ['run', ...quiet, 'build'], { cwd })
      if (!builtNow.ok) {
        results.push({ pkg, ok: false, problems: [`build failed:\n${builtNow.output}`] })
        continue
      }
      console.log(`built ${pkg.name}`)
    }
    copyFileSync(join(root, 'LICENSE'), join(cwd, 'LICENSE'))
    const packed = capture('pnpm', ['pack', '--pack-destination', packDir, '--json'], { cwd })
    const path = join(packDir, tarballName(pkg))
    const problems = packed.ok ? checkTarball(path, pkg) : [`pnpm pack failed:\n${packed.output}`]
    results.push({ pkg, path, ok: problems.length === 0, problems })
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = pack({ withBuild: build })
  for (const { pkg, path, ok, problems } of results) {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${pkg.name}${path ? ` → ${path.slice(root.length + 1)}` : ''}`)
    for (const problem of problems) console.log(`     ${problem}`)
  }
  process.exit(results.every((result) => result.ok) ? 0 : 1)
}
