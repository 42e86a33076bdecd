// Benchmark: does a 1 GB upload stream through the emulator without growing its memory?
// Run from the repository root: pnpm exec tsx bench/emulator-memory/run.ts   (BENCH_BYTES to change the size)
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { mb, procBytes, resetPeak, sampleRss } from './rss.js'
import { streamUpload } from './upload-stream.js'

const SIZE = Number(process.env.BENCH_BYTES ?? 1024 ** 3)
const BUDGET = 64 * 1024 * 1024
const root = fileURLToPath(new URL('../../', import.meta.url))
const here = fileURLToPath(new URL('.', import.meta.url))

interface Child {
  process: ChildProcess
  pid: number
  url: string
  output: string
}

/** Start a TypeScript entry in its own node process (tsx loader) and wait for its URL. */
function startChild(entry: string, args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let output = ''
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${entry} exited with ${code}\n${output}`)))
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1]
      if (url && child.pid) resolve({ process: child, pid: child.pid, url, output })
    })
  })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Measure {
  idle: number
  peak: number
  seconds: number
  status: number
  samples: number
}

/** Warm up with 1 MB, take the idle RSS, then stream SIZE bytes while sampling RSS. */
async function measure(
  child: Child,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string>,
) {
  const url = `${child.url}${path}`
  await streamUpload(url, 1024 * 1024, fields, headers)
  await sleep(1000)
  const idle = procBytes(child.pid, 'VmRSS')
  const peakReset = resetPeak(child.pid)
  const sampler = sampleRss(child.pid)
  const result = await streamUpload(url, SIZE, fields, headers)
  const sampled = sampler.stop()
  const hwm = peakReset ? procBytes(child.pid, 'VmHWM') : 0
  if (result.status !== 200) throw new Error(`upload answered ${result.status}: ${result.body}`)
  const measured: Measure = {
    idle,
    peak: Math.max(sampled.peak, hwm),
    seconds: result.seconds,
    status: result.status,
    samples: sampled.samples,
  }
  return measured
}

function report(name: string, m: Measure): string {
  const rate = SIZE / 1024 / 1024 / m.seconds
  return `${name.padEnd(22)} idle ${mb(m.idle).padStart(9)}  peak ${mb(m.peak).padStart(9)}  peak−idle ${mb(m.peak - m.idle).padStart(9)}  ${m.seconds.toFixed(1)} s (${rate.toFixed(0)} MB/s, ${m.samples} samples)`
}

async function benchEmulator(dataDir: string): Promise<Measure> {
  const cli = join(root, 'packages/imagekit-emulator/src/cli.ts')
  const args = ['--port', '0', '--data-dir', dataDir, '--max-file-size', String(SIZE + 1024 * 1024)]
  const child = await startChild(cli, args)
  try {
    const privateKey = /IMAGEKIT_PRIVATE_KEY=(\S+)/.exec(child.output)?.[1]
    if (!privateKey) throw new Error('no private key in the emulator output')
    const auth = { Authorization: `Basic ${Buffer.from(`${privateKey}:`).toString('base64')}` }
    return await measure(child, '/api/v1/files/upload', { fileName: 'bench.bin' }, auth)
  } finally {
    child.process.kill()
  }
}

async function benchBaseline(): Promise<Measure> {
  const child = await startChild(join(here, 'baseline-server.ts'), [])
  try {
    return await measure(child, '/', { fileName: 'bench.bin' }, {})
  } finally {
    child.process.kill()
  }
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upkit-bench-'))
  console.log(`emulator-memory: ${mb(SIZE)} upload, ${cpus().length} cores, node ${process.version}`)
  try {
    const emulator = await benchEmulator(dataDir)
    const baseline = await benchBaseline()
    const delta = emulator.peak - emulator.idle
    const baseDelta = Math.max(1, baseline.peak - baseline.idle)
    console.log(report('emulator', emulator))
    console.log(report('baseline (discard)', baseline))
    console.log(`emulator growth / baseline growth: ${(delta / baseDelta).toFixed(2)}×`)
    const verdict = delta <= BUDGET ? 'PASS' : 'FAIL'
    console.log(`${verdict}: emulator grew ${mb(delta)} during the upload (budget ${mb(BUDGET)})`)
    if (verdict === 'FAIL') process.exitCode = 1
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
