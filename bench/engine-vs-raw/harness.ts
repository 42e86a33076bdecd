// One measured run = the emulator reset, a fresh page (its own browser context), bench.prepare() to
// make the files, bench.run() measured, then the emulator's view: stored files by name, reused tokens.
import type { Browser, CDPSession, Page } from '@playwright/test'
import { cpuNow, cpuSince } from './cpu.js'
import type { RouteCounts, Stack } from './servers.js'

export type Mode =
  | 'raw'
  | 'raw-progress'
  | 'raw-sign'
  | 'raw-batch-fetch'
  | 'raw-batch-xhr'
  | 'sdk'
  | 'upkit-get'
  | 'upkit-post'
  | 'upkit-get-noahead'
  | 'upkit-post-noahead'
  | 'upkit-presigned'
  | 'add'
  | 'add-auto'
  | 'small-upkit'
  | 'small-sdk'

export interface Workload {
  count: number
  size: number
  concurrency: number
  timeoutMs: number
  /** Diagnostics: record every upload XHR and fetch in the page (page.js recordTimeline). */
  timeline?: boolean
  /** At most this long, wait for Chromium to go quiet after the files are made (see chromiumQuiet). */
  settleMs?: number
}

/** What page.js answers (fields depend on the mode). */
export interface PageResult {
  ms: number
  ok?: number
  failed?: number
  retries?: number
  calls: number
  timedOut?: boolean
  errors?: Record<string, number>
  uiMs?: number | null
  longTasks: { count: number; ms: number; max: number }
  frames?: number
  maxFrameGap?: number
  maxGap?: number
  added?: number
  rejected?: number
  seen?: number
  timeline?: {
    uploads: number
    inFlight: number
    uploadMs: number | null
    firstUploadAt: number | null
    firstFetchAt: number | null
    slotIdleMs: number | null
    signs: number
    signMs: number | null
  }
}

export interface RunResult extends PageResult {
  mode: Mode
  /** Main-thread time of the page's renderer during bench.run (CDP Performance TaskDuration / ScriptDuration). */
  taskMs: number
  scriptMs: number
  /**
   * CPU ms during bench.run: this Node process (emulator + signing route + harness) and all Chromium
   * processes (a renderer that exits early is missed; /proc ticks are 10 ms). With 2 cores, wall time
   * cannot be below (node + browser) ÷ 2.
   */
  nodeCpuMs: number
  browserCpuMs: number
  /** browserCpuMs by Chromium process type (browser, renderer, network, …). */
  browserCpuByKind: Record<string, number>
  /** BENCH_CPU_DETAIL=1: the renderer's CPU by thread name. */
  rendererThreads: Record<string, number>
  /** Distinct client names among the stored files, and stored files beyond one per name. */
  stored: number
  duplicates: number
  /** Stored names that were not in the batch (should be 0). */
  strangers: number
  tokensReused: number
  uploadRequests: number
  route: RouteCounts
  /** All files stored exactly once, none failed, no token used twice (throughput and upload modes). */
  correct: boolean
}

async function mainThread(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
  return { task: value('TaskDuration'), script: value('ScriptDuration') }
}

export async function openPage(browser: Browser, stack: Stack, label: string) {
  const page = await browser.newPage() // a new context: no sockets, preflight cache or heap from earlier runs
  page.on('pageerror', (error) => console.error(`[${label} page]`, error.message))
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      console.error(`[${label} console]`, message.text())
  })
  await page.goto(stack.pageUrl)
  await page.waitForFunction('window.bench && window.Upkit')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  return { page, cdp }
}

async function waitIdle(stack: Stack): Promise<void> {
  for (let i = 0; i < 100 && stack.emu.tempFiles().length > 0; i++)
    await new Promise((r) => setTimeout(r, 20))
}

export async function resetEmulator(stack: Stack): Promise<void> {
  stack.emu.faults.clear()
  await stack.emu.clearFiles()
  stack.emu.resetStats()
  stack.resetRouteCounts()
}

export function pageConfig(stack: Stack, mode: Mode, workload: Workload) {
  return {
    mode,
    ...workload,
    publicKey: stack.publicKey,
    routeUrl: stack.routeUrl,
    uploadUrl: stack.emu.uploadUrl,
    emulatorUrl: stack.emu.url,
  }
}

/**
 * Waits, up to `maxMs`, until Chromium used less than 10 % of a core for 300 ms. A File made in the
 * page sends its bytes to the browser process in the background (Blink's blob registry: mojo data
 * pipes, the renderer's main thread and thread pool, the browser process); a contender whose clock
 * started while that ran paid for it (+600 ms of Chromium CPU per 200 × 100 KiB, measured), and
 * the ones that fetched their signatures in `prepare` did not.
 */
async function chromiumQuiet(maxMs: number): Promise<void> {
  const until = Date.now() + maxMs
  while (Date.now() < until) {
    const before = cpuNow()
    await new Promise((resolve) => setTimeout(resolve, 300))
    if (cpuSince(before).browserMs < 30) return
  }
}

/**
 * Runs `mode` once in a fresh page. `around` (optional) wraps bench.run, e.g. to trace or profile it.
 * A string goes to page.evaluate, not a function: tsx may wrap functions in helpers the page lacks.
 */
export async function runOnce(
  browser: Browser,
  stack: Stack,
  mode: Mode,
  workload: Workload,
  around?: {
    before(page: Page, cdp: CDPSession): Promise<void>
    after(page: Page, cdp: CDPSession): Promise<void>
  },
): Promise<RunResult> {
  await resetEmulator(stack)
  const { page, cdp } = await openPage(browser, stack, mode)
  try {
    const cfg = JSON.stringify(pageConfig(stack, mode, workload))
    await page.evaluate(`window.bench.prepare(${cfg})`)
    await chromiumQuiet(workload.settleMs ?? 0)
    await around?.before(page, cdp)
    const before = await mainThread(cdp)
    const cpuBefore = cpuNow()
    const result = (await page.evaluate(`window.bench.run(${cfg})`)) as PageResult
    const cpu = cpuSince(cpuBefore)
    const after = await mainThread(cdp)
    await around?.after(page, cdp)
    await waitIdle(stack)
    const stats = stack.emu.stats()
    const tokensReused = stats.tokensUsed.length - new Set(stats.tokensUsed).size
    const files = await stack.emu.files()
    const expected = new Set(
      Array.from({ length: workload.count }, (_, i) => `f${String(i).padStart(5, '0')}`),
    )
    const names = files.map((file) => /^f\d{5}/.exec(file.name)?.[0] ?? file.name)
    const distinct = new Set(names)
    const strangers = [...distinct].filter((name) => !expected.has(name)).length
    const uploads = !mode.startsWith('add')
    const correct =
      !uploads ||
      (distinct.size === workload.count &&
        files.length === workload.count &&
        strangers === 0 &&
        tokensReused === 0 &&
        (result.failed ?? 0) === 0 &&
        !result.timedOut)
    return {
      mode,
      ...result,
      taskMs: after.task - before.task,
      scriptMs: after.script - before.script,
      nodeCpuMs: cpu.nodeMs,
      browserCpuMs: cpu.browserMs,
      browserCpuByKind: cpu.byKind,
      rendererThreads: cpu.rendererThreads,
      stored: distinct.size,
      duplicates: files.length - distinct.size,
      strangers,
      tokensReused,
      uploadRequests: stats.requests,
      route: stack.routeCounts(),
      correct,
    }
  } finally {
    await page.close() // closes its own context too (browser.newPage)
  }
}

/**
 * Williams design: round r runs the contenders in the order (row0 + r) mod n, row0 = 0, 1, n−1, 2, n−2, …
 * Over n rounds every contender takes every position once and follows every other contender once
 * (for an odd n, a full balance needs the mirrored rows too: they are used on the odd rounds).
 * With two contenders it is plain alternation.
 */
export function roundOrder<T>(items: readonly T[], round: number): T[] {
  const n = items.length
  const row0: number[] = []
  for (let i = 0, lo = 1, hi = n - 1; i < n; i++) row0.push(i === 0 ? 0 : i % 2 ? lo++ : hi--)
  let row = row0.map((k) => (k + round) % n)
  if (n % 2 === 1 && Math.floor(round / n) % 2 === 1) row = row.reverse()
  return row.map((k) => items[k] as T)
}
