// Benchmark: Upkit's engine vs what an ImageKit user writes today with @imagekit/javascript's upload(),
// side by side in real Chromium against the local emulator and a real signing route (all loopback).
// Run from the repository root: pnpm exec tsx bench/upload-vs-sdk/run.ts   (knobs: see bench/README.md)
import { execSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

const CONDITION = '--conditions=@upkit/source'
const self = fileURLToPath(import.meta.url)
const root = fileURLToPath(new URL('../../', import.meta.url))

// Workspace packages are imported from their TypeScript sources (no dist/ of theirs needed): re-run
// this script once with the `@upkit/source` export condition when it was not given.
if (!process.execArgv.includes(CONDITION) && !process.env.NODE_OPTIONS?.includes('@upkit/source')) {
  const args = [...process.execArgv, CONDITION, self, ...process.argv.slice(2)]
  const child = spawn(process.execPath, args, { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.once('exit', (code) => process.exit(code ?? 1))
  await new Promise<never>(() => {}) // the child does the work; its exit ends this process
}

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`)
  return value
}
const FILES = num('BENCH_FILES', 40)
const FILE_SIZE = num('BENCH_FILE_SIZE', 1024 * 1024)
const CONCURRENCY = num('BENCH_CONCURRENCY', 3)
const REPS = num('BENCH_REPS', 3)
const SMALL_FILES = num('BENCH_SMALL_FILES', 300)
const SMALL_SIZE = num('BENCH_SMALL_SIZE', 10 * 1024)
const THROTTLE_FILES = num('BENCH_THROTTLE_FILES', 6)
const THROTTLE_KIBPS = num('BENCH_THROTTLE_KIBPS', 2048)
const TIMEOUT_MS = num('BENCH_RUN_TIMEOUT_MS', 60_000)
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? '1,2,3,4,sizes').split(',')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const { IIFE_PATH, startStack } = await import('./servers.js')
if (!existsSync(IIFE_PATH)) {
  console.log('Building @upkit/uploader-core (dist/upkit.iife.js is missing)…')
  const env = { ...process.env, COREPACK_INTEGRITY_KEYS: '0' }
  execSync('pnpm --filter @upkit/uploader-core run build', { cwd: root, env, stdio: 'inherit' })
}
const { chromium } = await import('@playwright/test')
const { runOnce, runScenario } = await import('./scenarios.js')
const { compare, runLine } = await import('./report.js')
const { sizeTable } = await import('./sizes.js')
type RunResult = import('./scenarios.js').RunResult

const stack = await startStack()
const browser = await chromium
  .launch({
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false, // stopAll() below closes the browser, then the servers
    handleSIGTERM: false,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  .catch(async (error: unknown) => {
    await stack.stop()
    throw error
  })
let stopping: Promise<void> | undefined
const stopAll = () => {
  stopping ??= browser
    .close()
    .catch(() => {})
    .then(() => stack.stop())
  return stopping
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().then(() => process.exit(130)))
}

const ms = (value: number) => `${Math.round(value)} ms`
const pct = (value: number) => `${value.toFixed(0)} %`
const batch = { count: FILES, size: FILE_SIZE, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_MS }
const small = { count: SMALL_FILES, size: SMALL_SIZE, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_MS }
const throttled = { ...batch, count: THROTTLE_FILES, uploadBytesPerSecond: THROTTLE_KIBPS * 1024 }
const mainThread = [
  { label: 'main thread busy (CDP TaskDuration)', pick: (run: RunResult) => run.taskMs, format: ms },
  { label: 'of which JS (CDP ScriptDuration)', pick: (run: RunResult) => run.scriptMs, format: ms },
]

async function scenario(title: string, run: () => Promise<RunResult[]>, print: (r: RunResult[]) => string) {
  console.log(`\n## ${title}`)
  const started = Date.now()
  const results = await run()
  console.log(`\n${print(results)}\n(${((Date.now() - started) / 1000).toFixed(1)} s for this scenario)`)
}

try {
  console.log(
    `upload-vs-sdk — ${new Date().toISOString()}, Node ${process.versions.node}, Chromium ${browser.version()}, ` +
      `${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  )
  console.log(`${REPS} repetitions per uploader, alternating which goes first; concurrency ${CONCURRENCY}.`)
  const warm = { count: 3, size: 64 * 1024, concurrency: CONCURRENCY, timeoutMs: TIMEOUT_MS }
  for (const impl of ['upkit', 'baseline'] as const) await runOnce(browser, stack, impl, warm, false)
  const log = (label: string) => (run: RunResult) => console.log(runLine(label, run))
  const mb = (FILE_SIZE / 1024 / 1024).toFixed(2)

  if (SCENARIOS.includes('1')) {
    await scenario(
      `1. Throughput: ${FILES} files × ${mb} MiB, no faults`,
      () => runScenario(browser, stack, batch, false, REPS, log('1')),
      (r) =>
        compare(r, [
          { label: 'wall time', pick: (run) => run.ms, format: ms },
          { label: 'MiB/s', pick: (run) => (FILES * FILE_SIZE) / 1024 / 1024 / (run.ms / 1000) },
          { label: `files stored (of ${FILES})`, pick: (run) => run.stored },
          { label: 'upload requests', pick: (run) => run.requests },
          ...mainThread,
        ]),
    )
  }
  if (SCENARIOS.includes('2')) {
    await scenario(
      `2. Resilience: ${FILES} files × ${mb} MiB, 503 on every 5th file once, one 429 (reset 500 ms), one cut at 64 KB`,
      () => runScenario(browser, stack, batch, true, REPS, log('2')),
      (r) =>
        compare(r, [
          { label: `files stored (of ${FILES})`, pick: (run) => run.stored },
          { label: 'completion', pick: (run) => (100 * run.stored) / FILES, format: pct },
          { label: 'duplicates stored', pick: (run) => run.duplicates },
          { label: 'tokens reused', pick: (run) => run.tokensReused },
          { label: 'wall time', pick: (run) => run.ms, format: ms },
          { label: 'upload requests', pick: (run) => run.requests },
          { label: 'retries (Upkit)', pick: (run) => run.retries },
        ]),
    )
  }
  if (SCENARIOS.includes('3')) {
    await scenario(
      `3. Main-thread cost: ${SMALL_FILES} files × ${(SMALL_SIZE / 1024).toFixed(0)} KiB added at once`,
      () => runScenario(browser, stack, small, false, REPS, log('3')),
      (r) =>
        compare(r, [
          { label: 'long tasks, total', pick: (run) => run.longTasks.ms, format: ms },
          { label: 'long tasks, count', pick: (run) => run.longTasks.count },
          { label: 'listener / onProgress calls', pick: (run) => run.notifications },
          ...mainThread,
          { label: 'wall time', pick: (run) => run.ms, format: ms },
          { label: `files stored (of ${SMALL_FILES})`, pick: (run) => run.stored },
        ]),
    )
  }
  if (SCENARIOS.includes('4')) {
    await scenario(
      `4. Progress on a slow link: ${THROTTLE_FILES} files × ${mb} MiB, Chromium upload throttled to ${THROTTLE_KIBPS} KiB/s`,
      () => runScenario(browser, stack, throttled, false, REPS, log('4')),
      (r) =>
        compare(r, [
          { label: 'listener / onProgress calls', pick: (run) => run.notifications },
          ...mainThread,
          { label: 'wall time', pick: (run) => run.ms, format: ms },
          { label: `files stored (of ${THROTTLE_FILES})`, pick: (run) => run.stored },
        ]),
    )
  }
  if (SCENARIOS.includes('sizes')) console.log(`\n## Bundle size (min+gzip)\n\n${sizeTable()}`)
} finally {
  await stopAll()
}
