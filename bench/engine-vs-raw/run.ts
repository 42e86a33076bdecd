// Benchmark (issue 9): the reworked engine against a raw XHR loop and the SDK, and its main-thread cost,
// in headless Chromium against the local emulator and a real signing route (all on 127.0.0.1).
// Run from the repository root: pnpm exec tsx bench/engine-vs-raw/run.ts   (knobs: see bench/README.md)
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'

const CONDITION = '--conditions=@upkit/source'
const self = fileURLToPath(import.meta.url)

// The emulator and the route run from their TypeScript sources: re-run once with the export condition.
if (!process.execArgv.includes(CONDITION) && !process.env.NODE_OPTIONS?.includes('@upkit/source')) {
  const args = [...process.execArgv, CONDITION, self, ...process.argv.slice(2)]
  const child = spawn(process.execPath, args, { stdio: 'inherit' })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal))
  child.once('exit', (code) => process.exit(code ?? 1))
  await new Promise<never>(() => {})
}

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0`)
  return value
}
const list = (name: string, fallback: string) =>
  (process.env[name] ?? fallback)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
const KiB = 1024
const MiB = 1024 * 1024
const ROUNDS = num('BENCH_ROUNDS', 16)
const MT_ROUNDS = num('BENCH_MT_ROUNDS', 8)
const CONCURRENCY = num('BENCH_CONCURRENCY', 4)
const PARTS = list('BENCH_PARTS', 'small,large,add,upload')
const CONTENDERS = list('BENCH_CONTENDERS', 'raw,sdk,upkit-get,upkit-post')
const SMALL = { count: num('BENCH_SMALL_COUNT', 200), size: num('BENCH_SMALL_SIZE', 100 * KiB) }
const LARGE = { count: num('BENCH_LARGE_COUNT', 4), size: num('BENCH_LARGE_SIZE', 32 * MiB) }
const ADD_COUNTS = list('BENCH_ADD_COUNTS', '1000,10000').map(Number)
const UPLOAD = { count: num('BENCH_UPLOAD_COUNT', 1000), size: num('BENCH_UPLOAD_SIZE', KiB) }
const TRACE_RUNS = num('BENCH_TRACE_RUNS', 2)
const PROFILE = list('BENCH_PROFILE', '') // e.g. upkit-get@small,small-upkit@upload,add@10000
const TIMEOUT_MS = num('BENCH_RUN_TIMEOUT_MS', 180_000)
// the longest wait for Chromium to go quiet after the files are made, before each clock (harness.ts chromiumQuiet)
const SETTLE_MS = num('BENCH_SETTLE_MS', 15_000)
const TIMELINE = process.env.BENCH_TIMELINE === '1'
const CPU_DETAIL = process.env.BENCH_CPU_DETAIL === '1'
const ROUTE = (process.env.BENCH_ROUTE ?? 'same-origin') as 'same-origin' | 'cross-origin'
if (ROUTE !== 'same-origin' && ROUTE !== 'cross-origin')
  throw new Error('BENCH_ROUTE: same-origin or cross-origin')
const JSON_OUT = process.env.BENCH_JSON
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const { startStack } = await import('./servers.js')
const { chromium } = await import('@playwright/test')
const { runOnce, roundOrder } = await import('./harness.js')
const { profileHooks, traceHooks } = await import('./trace.js')
const { median, table } = await import('../upload-vs-sdk/report.js')
type Mode = import('./harness.js').Mode
type RunResult = import('./harness.js').RunResult

const stack = await startStack(Math.max(LARGE.size, SMALL.size, UPLOAD.size) + MiB, ROUTE)
const browser = await chromium
  .launch({
    executablePath: CHROMIUM,
    headless: true,
    handleSIGINT: false,
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

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
const f0 = (v: number) => v.toFixed(0)
const f1 = (v: number) => v.toFixed(1)
const f2 = (v: number) => v.toFixed(2)
const x = (v: number) => `${v.toFixed(2)}×`
const size = (bytes: number) => (bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`)
const record: Record<string, unknown> = {}
const minMax = (values: number[], fmt: (v: number) => string) =>
  `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`

function runLine(label: string, run: RunResult): string {
  const route = `route GET ${run.route.GET} POST ${run.route.POST} (${run.route.postFiles} files) OPTIONS ${run.route.OPTIONS}`
  return (
    `  ${label} ${run.mode.padEnd(11)} ${f0(run.ms).padStart(6)} ms  ok ${run.ok ?? '-'} failed ${run.failed ?? '-'}` +
    `  stored ${run.stored} dup ${run.duplicates} tokens-reused ${run.tokensReused} uploads ${run.uploadRequests}  ${route}` +
    `  cpu node ${f0(run.nodeCpuMs)} chromium ${f0(run.browserCpuMs)} ms${CPU_DETAIL ? ` ${JSON.stringify(run.browserCpuByKind)} renderer ${JSON.stringify(run.rendererThreads)}` : ''}  busy ${f0(run.taskMs)} ms (JS ${f0(run.scriptMs)})  long tasks ${run.longTasks.count} (max ${run.longTasks.max})` +
    (run.frames !== undefined
      ? `  frames ${run.frames} calls ${run.calls}`
      : run.calls
        ? `  calls ${run.calls}`
        : '') +
    (run.retries ? `  retries ${run.retries}` : '') +
    (run.errors && Object.keys(run.errors).length ? `  errors ${JSON.stringify(run.errors)}` : '') +
    (run.timeline
      ? `  [in flight ${run.timeline.inFlight}, upload ${f1(run.timeline.uploadMs ?? Number.NaN)} ms, first upload at ${run.timeline.firstUploadAt} ms, first fetch at ${run.timeline.firstFetchAt} ms,` +
        ` slot idle ${f1(run.timeline.slotIdleMs ?? Number.NaN)} ms, ${run.timeline.signs} fetches of ${f1(run.timeline.signMs ?? Number.NaN)} ms]`
      : '') +
    (run.correct ? '' : '  INCORRECT') +
    (run.timedOut ? '  TIMED OUT' : '')
  )
}

// ---- 1. throughput ------------------------------------------------------------------------------

interface Round {
  order: Mode[]
  runs: Partial<Record<Mode, RunResult>>
}

async function throughput(load_: { count: number; size: number }): Promise<void> {
  const modes = CONTENDERS as Mode[]
  const workload = {
    ...load_,
    concurrency: CONCURRENCY,
    timeoutMs: TIMEOUT_MS,
    timeline: TIMELINE,
    settleMs: SETTLE_MS,
  }
  const title = `${load_.count} × ${size(load_.size)}`
  console.log(`\n## 1. Throughput, ${title}, concurrency ${CONCURRENCY} (${ROUNDS} rounds, load ${load()})`)
  for (const mode of modes) await runOnce(browser, stack, mode, workload) // warm-up, discarded
  const rounds: Round[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const order = roundOrder(modes, r)
    const round: Round = { order, runs: {} }
    for (const mode of order) {
      const run = await runOnce(browser, stack, mode, workload)
      round.runs[mode] = run
      console.log(runLine(`r${String(r + 1).padStart(2)}`, run))
    }
    rounds.push(round)
  }
  record[`throughput ${title}`] = rounds
  const others = modes.filter((m) => m !== 'raw')
  const hasRaw = modes.includes('raw')
  const ratio = (round: Round, mode: Mode) =>
    (round.runs.raw?.ms ?? Number.NaN) / (round.runs[mode]?.ms ?? Number.NaN)
  const perRound = rounds.map((round, r) => [
    String(r + 1),
    round.order.join(' → '),
    ...modes.map((m) => f0(round.runs[m]?.ms ?? Number.NaN)),
    ...(hasRaw ? others.map((m) => x(ratio(round, m))) : []),
    modes.every((m) => round.runs[m]?.correct) ? 'yes' : 'NO',
  ])
  console.log(`\n### ${title}: every round (wall time in ms; ratio = raw ÷ contender, higher is better)\n`)
  console.log(
    table(
      [
        'round',
        'order',
        ...modes.map((m) => `${m} ms`),
        ...(hasRaw ? others.map((m) => `${m} ratio`) : []),
        'correct',
      ],
      perRound,
    ),
  )
  const mbs = (ms: number) => (load_.count * load_.size) / MiB / (ms / 1000)
  const summary = modes.map((m) => {
    const runs = rounds.map((round) => round.runs[m] as RunResult)
    const times = runs.map((run) => run.ms)
    const ratios = rounds.map((round) => ratio(round, m))
    const signing = runs.map((run) => run.route.GET + run.route.POST)
    const cpu = (run: RunResult | undefined) => (run ? run.nodeCpuMs + run.browserCpuMs : Number.NaN)
    const cpuRatios = rounds.map((round) => cpu(round.runs.raw) / cpu(round.runs[m]))
    return [
      m,
      f0(median(times)),
      minMax(times, f0),
      f1(mbs(median(times))),
      hasRaw ? x(median(ratios)) : '–',
      hasRaw ? minMax(ratios, f2) : '–',
      String(median(signing)),
      f0(median(runs.map((run) => run.taskMs))),
      f0(median(runs.map((run) => run.browserCpuMs))),
      f0(median(runs.map((run) => run.nodeCpuMs))),
      hasRaw ? x(median(cpuRatios)) : '–',
      `${runs.filter((run) => run.correct).length}/${runs.length}`,
    ]
  })
  console.log(
    `\n### ${title}: medians over ${ROUNDS} rounds (CPU ratio = raw's CPU ÷ contender's, Chromium + Node, per round)\n`,
  )
  console.log(
    table(
      [
        'contender',
        'median ms',
        'range ms',
        'MiB/s',
        'median ratio',
        'ratio range',
        'signing requests',
        'renderer busy ms',
        'Chromium CPU ms',
        'Node CPU ms',
        'CPU ratio',
        'correct runs',
      ],
      summary,
    ),
  )
}

// ---- 2a. addFiles -------------------------------------------------------------------------------

async function addFilesPart(): Promise<void> {
  const workload = (count: number) => ({
    count,
    size: 16,
    concurrency: CONCURRENCY,
    timeoutMs: TIMEOUT_MS,
    timeline: TIMELINE,
    settleMs: SETTLE_MS,
  })
  console.log(
    `\n## 2a. addFiles of ${ADD_COUNTS.join(' / ')} files (16 B each, autoUpload false), ${MT_ROUNDS} rounds`,
  )
  for (const count of ADD_COUNTS) await runOnce(browser, stack, 'add', workload(count)) // warm-up
  const rounds: Record<number, RunResult>[] = []
  for (let r = 0; r < MT_ROUNDS; r++) {
    const round: Record<number, RunResult> = {}
    for (const count of roundOrder(ADD_COUNTS, r)) {
      const run = await runOnce(browser, stack, 'add', workload(count))
      round[count] = run
      console.log(
        `  r${String(r + 1).padStart(2)} add ${String(count).padStart(6)}  ${f1(run.ms).padStart(7)} ms` +
          `  ${f2((run.ms * 1000) / count)} µs/file  added ${run.added} rejected ${run.rejected}` +
          `  long tasks ${run.longTasks.count} (max ${run.longTasks.max} ms)  max timer gap ${run.maxGap} ms` +
          `  max frame gap ${run.maxFrameGap} ms  frames ${run.frames}  notifications ${run.calls}  busy ${f0(run.taskMs)} ms`,
      )
    }
    rounds.push(round)
  }
  record.addFiles = rounds
  const [lo, hi] = [Math.min(...ADD_COUNTS), Math.max(...ADD_COUNTS)]
  const perFile = (run: RunResult | undefined) =>
    ((run?.ms ?? Number.NaN) * 1000) / (run?.added || Number.NaN)
  const rows = rounds.map((round, r) => [
    String(r + 1),
    ...ADD_COUNTS.flatMap((n) => {
      const run = round[n] as RunResult
      return [f0(run.ms), f2(perFile(run)), `${run.longTasks.count} / ${run.maxGap}`, String(run.calls)]
    }),
    x(perFile(round[hi]) / perFile(round[lo])),
  ])
  console.log(
    `\n### addFiles: every round (µs/file = addFiles wall time ÷ files; long tasks > 50 ms / longest timer gap in ms)\n`,
  )
  console.log(
    table(
      [
        'round',
        ...ADD_COUNTS.flatMap((n) => [`${n}: ms`, `${n}: µs/file`, `${n}: long / gap`, `${n}: notif.`]),
        `${hi}/${lo} per file`,
      ],
      rows,
    ),
  )
  const summary = ADD_COUNTS.map((n) => {
    const runs = rounds.map((round) => round[n] as RunResult)
    return [
      String(n),
      f0(median(runs.map((run) => run.ms))),
      f2(median(runs.map(perFile))),
      String(runs.reduce((sum, run) => sum + run.longTasks.count, 0)),
      f0(Math.max(...runs.map((run) => run.longTasks.max))),
      f1(median(runs.map((run) => run.maxGap ?? 0))),
      f1(Math.max(...runs.map((run) => run.maxGap ?? 0))),
      f0(Math.max(...runs.map((run) => run.maxFrameGap ?? 0))),
      f0(median(runs.map((run) => run.taskMs))),
    ]
  })
  const ratios = rounds.map((round) => perFile(round[hi]) / perFile(round[lo]))
  console.log(
    `\n### addFiles: medians over ${MT_ROUNDS} rounds; ${hi}/${lo} per-file ratio ${x(median(ratios))} (range ${minMax(ratios, f2)})\n`,
  )
  console.log(
    table(
      [
        'files',
        'median ms',
        'µs/file',
        'long tasks (all runs)',
        'longest long task ms',
        'timer gap ms, median',
        'timer gap ms, max',
        'frame gap ms, max',
        'busy ms',
      ],
      summary,
    ),
  )
  if (TRACE_RUNS > 0) {
    console.log(
      `\n### addFiles of ${hi} under Chromium tracing (${TRACE_RUNS} runs; tracing slows the page)\n`,
    )
    const traces = []
    for (let i = 0; i < TRACE_RUNS; i++) {
      const hooks = traceHooks(browser)
      const run = await runOnce(browser, stack, 'add', workload(hi), hooks)
      const summaryOf = hooks.summary()
      traces.push({ ms: run.ms, ...summaryOf })
      console.log(
        `  trace ${i + 1}: addFiles ${f0(run.ms)} ms, ${summaryOf?.tasks} main-thread tasks, longest ${f1(summaryOf?.longestMs ?? Number.NaN)} ms ` +
          `(${summaryOf?.over50} over 50 ms); most CPU in one task ${f1(summaryOf?.longestCpuMs ?? Number.NaN)} ms (${summaryOf?.cpuOver50} over 50 ms); ` +
          `longest: ${summaryOf?.top.map((t) => `${t.ms} ms wall / ${t.cpuMs} ms CPU [${t.inside}]`).join('; ')}`,
      )
    }
    record.addFilesTraces = traces
  }
}

// ---- 2b. 1,000 small uploads: main thread -------------------------------------------------------

async function uploadPart(): Promise<void> {
  const modes: Mode[] = ['small-upkit', 'small-sdk']
  const workload = {
    ...UPLOAD,
    concurrency: CONCURRENCY,
    timeoutMs: TIMEOUT_MS,
    timeline: TIMELINE,
    settleMs: SETTLE_MS,
  }
  const title = `${UPLOAD.count} × ${size(UPLOAD.size)}`
  console.log(
    `\n## 2b. Main thread while uploading ${title}: Upkit (GET route) vs the SDK loop, ${MT_ROUNDS} rounds`,
  )
  for (const mode of modes) await runOnce(browser, stack, mode, workload) // warm-up
  const rounds: Round[] = []
  for (let r = 0; r < MT_ROUNDS; r++) {
    const round: Round = { order: roundOrder(modes, r), runs: {} }
    for (const mode of round.order) {
      const run = await runOnce(browser, stack, mode, workload)
      round.runs[mode] = run
      console.log(runLine(`r${String(r + 1).padStart(2)}`, run))
    }
    rounds.push(round)
  }
  record[`upload ${title}`] = rounds
  const u = (round: Round) => round.runs['small-upkit'] as RunResult
  const s = (round: Round) => round.runs['small-sdk'] as RunResult
  const perFrame = (run: RunResult) => run.calls / (run.frames || Number.NaN)
  const rows = rounds.map((round, r) => [
    String(r + 1),
    round.order.map((m) => m.replace('small-', '')).join(' → '),
    f0(u(round).ms),
    f0(s(round).ms),
    f0(u(round).taskMs),
    f0(s(round).taskMs),
    x(u(round).taskMs / s(round).taskMs),
    `${u(round).longTasks.count} / ${s(round).longTasks.count}`,
    `${u(round).calls} / ${u(round).frames}`,
    f2(perFrame(u(round))),
    `${s(round).calls} / ${s(round).frames}`,
    u(round).correct && s(round).correct ? 'yes' : 'NO',
  ])
  console.log(`\n### ${title}: every round (busy = CDP TaskDuration during the run)\n`)
  console.log(
    table(
      [
        'round',
        'order',
        'upkit ms',
        'sdk ms',
        'upkit busy ms',
        'sdk busy ms',
        'busy upkit/sdk',
        'long tasks u / s',
        'upkit calls / frames',
        'calls per frame',
        'sdk onProgress / frames',
        'correct',
      ],
      rows,
    ),
  )
  const busyRatios = rounds.map((round) => u(round).taskMs / s(round).taskMs)
  const summary = modes.map((m) => {
    const runs = rounds.map((round) => round.runs[m] as RunResult)
    return [
      m.replace('small-', ''),
      f0(median(runs.map((run) => run.ms))),
      f0(median(runs.map((run) => run.taskMs))),
      f0(median(runs.map((run) => run.scriptMs))),
      String(runs.reduce((sum, run) => sum + run.longTasks.count, 0)),
      f0(Math.max(...runs.map((run) => run.longTasks.max))),
      f0(median(runs.map((run) => run.calls))),
      f0(median(runs.map((run) => run.frames ?? 0))),
      f2(Math.max(...runs.map(perFrame))),
      f0(Math.max(...runs.map((run) => run.maxFrameGap ?? 0))),
      `${runs.filter((run) => run.correct).length}/${runs.length}`,
    ]
  })
  console.log(
    `\n### ${title}: medians over ${MT_ROUNDS} rounds; busy upkit/sdk per round, median ${x(median(busyRatios))} (range ${minMax(busyRatios, f2)})\n`,
  )
  console.log(
    table(
      [
        'uploader',
        'wall ms',
        'busy ms',
        'of which JS ms',
        'long tasks (all runs)',
        'longest ms',
        'listener calls',
        'frames',
        'calls/frame, max',
        'frame gap ms, max',
        'correct runs',
      ],
      summary,
    ),
  )
}

// ---- optional CPU profiles ----------------------------------------------------------------------

async function profiles(): Promise<void> {
  for (const spec of PROFILE) {
    const tracing = spec.startsWith('trace:')
    const [mode, what = 'small'] = spec.replace(/^trace:/, '').split('@') as [Mode, string]
    const shape =
      what === 'large'
        ? LARGE
        : what === 'upload'
          ? UPLOAD
          : /^\d+$/.test(what)
            ? { count: Number(what), size: 16 }
            : SMALL
    const workload = {
      ...shape,
      concurrency: CONCURRENCY,
      timeoutMs: TIMEOUT_MS,
      timeline: TIMELINE,
      settleMs: SETTLE_MS,
    }
    if (tracing) {
      const hooks = traceHooks(browser)
      const run = await runOnce(browser, stack, mode, workload, hooks)
      const t = hooks.summary()
      console.log(
        `\n## Trace: ${mode}, ${shape.count} × ${size(shape.size)} (${f0(run.ms)} ms): ${t?.tasks} main-thread tasks, ` +
          `longest ${f1(t?.longestMs ?? Number.NaN)} ms wall (${t?.over50} over 50 ms), most CPU in one task ` +
          `${f1(t?.longestCpuMs ?? Number.NaN)} ms (${t?.cpuOver50} over 50 ms)`,
      )
      for (const task of t?.top ?? [])
        console.log(`  ${task.ms} ms wall / ${task.cpuMs} ms CPU: ${task.inside}`)
      console.log('  most CPU:')
      for (const task of t?.topCpu ?? [])
        console.log(`  ${task.cpuMs} ms CPU / ${task.ms} ms wall: ${task.inside}`)
      console.log(`  main-thread CPU in tasks: ${t?.cpuMs} ms; by what runs directly in a task:`)
      for (const k of t?.byKind ?? [])
        console.log(`    ${String(k.cpuMs).padStart(8)} ms  ×${k.count}  ${k.name}`)
      record[`trace ${spec}`] = t
      continue
    }
    const hooks = profileHooks(25)
    const run = await runOnce(browser, stack, mode, workload, hooks)
    const rows = hooks.rows()
    console.log(
      `\n## CPU profile: ${mode}, ${shape.count} × ${size(shape.size)} (${f0(run.ms)} ms, busy ${f0(run.taskMs)} ms)\n`,
    )
    if (!rows) continue
    console.log(
      table(
        ['function (self time)', 'self ms', 'total ms'],
        rows.self.map((r) => [r.fn, f1(r.selfMs), f1(r.totalMs)]),
      ),
    )
    console.log()
    console.log(
      table(
        ['function (total time)', 'self ms', 'total ms'],
        rows.total.map((r) => [r.fn, f1(r.selfMs), f1(r.totalMs)]),
      ),
    )
    record[`profile ${spec}`] = rows
  }
}

try {
  const started = Date.now()
  console.log(
    `engine-vs-raw — ${new Date().toISOString()}, Node ${process.versions.node}, Chromium ${browser.version()}, ` +
      `${cpus().length} cores, load average ${load()}`,
  )
  console.log(
    `upkit.iife.js ${stack.iife.bytes} B, built ${stack.iife.mtime}, sha256 ${stack.iife.sha}; concurrency ${CONCURRENCY}; ` +
      `signing route ${ROUTE} (${stack.routeUrl}); fresh page (own browser context) per run, emulator files reset before each run.`,
  )
  if (PARTS.includes('small')) await throughput(SMALL)
  if (PARTS.includes('large')) await throughput(LARGE)
  if (PARTS.includes('add')) await addFilesPart()
  if (PARTS.includes('upload')) await uploadPart()
  await profiles()
  console.log(`\n(${((Date.now() - started) / 1000).toFixed(0)} s in all; load average now ${load()})`)
  if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ iife: stack.iife, ...record }, null, 1))
} finally {
  await stopAll()
}
