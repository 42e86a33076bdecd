// One measured run = a fresh page, one uploader (Upkit or the SDK baseline), one batch; plus the
// emulator's view of it (stored files, duplicates, reused tokens) and the fault schedule.
import type { Browser, CDPSession } from '@playwright/test'
import type { Emulator } from '@upkit/imagekit-emulator'
import type { Stack } from './servers.js'

export type Impl = 'upkit' | 'baseline'

export interface Batch {
  count: number
  size: number
  concurrency: number
  timeoutMs: number
  /** Chromium's upload throttling (DevTools network emulation), bytes/s; 0 = none. */
  uploadBytesPerSecond?: number
}

/** What the page reports (browser.js) plus what the emulator saw. */
export interface RunResult {
  impl: Impl
  ms: number
  ok: number
  failed: number
  timedOut: boolean
  notifications: number
  retries: number
  errors: Record<string, number>
  longTasks: { count: number; ms: number }
  /** Main-thread time of the page's renderer during the run (CDP Performance: TaskDuration, ScriptDuration). */
  taskMs: number
  scriptMs: number
  stored: number
  duplicates: number
  tokensReused: number
  requests: number
}

type PageResult = Omit<
  RunResult,
  'impl' | 'stored' | 'duplicates' | 'tokensReused' | 'requests' | 'taskMs' | 'scriptMs'
>

const fileName = (i: number) => `f${String(i).padStart(3, '0')}.bin`

/**
 * The deterministic fault schedule, by file name, so both uploaders meet the same faults whatever the
 * arrival order: every 5th file (index 2, 7, 12, …) gets one 503; one file gets a 429 with
 * `X-RateLimit-Reset: 500`; one file's connection is cut after 64 KB (half the file if smaller).
 * Each rule is spent after one hit: a retry of that file goes through.
 */
export function addFaults(emu: Emulator, count: number, size: number): number {
  let rules = 0
  const add = (i: number, action: Parameters<Emulator['faults']['add']>[0]['action']) => {
    if (i >= count) return
    emu.faults.add({ match: { fileName: fileName(i) }, times: 1, action })
    rules++
  }
  for (let i = 2; i < count; i += 5) add(i, { type: 'status', status: 503 })
  add(Math.floor(count / 4 / 5) * 5 + 4, { type: 'rate-limit', resetMs: 500 })
  add(Math.floor((3 * count) / 4 / 5) * 5 + 4, { type: 'cut', afterBytes: Math.min(64 * 1024, size >> 1) })
  return rules
}

/** Stored files grouped by the client's name (the emulator adds a `_XXXXXXXXX` unique suffix). */
async function storedView(emu: Emulator): Promise<{ stored: number; duplicates: number }> {
  const files = await emu.files()
  const names = new Set(files.map((file) => /^f\d+/.exec(file.name)?.[0] ?? file.name))
  return { stored: names.size, duplicates: files.length - names.size }
}

/** Main-thread counters of the page (seconds in CDP, ms here). */
async function mainThread(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const value = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000
  return { task: value('TaskDuration'), script: value('ScriptDuration') }
}

async function openPage(browser: Browser, stack: Stack, impl: Impl, batch: Batch) {
  const page = await browser.newPage()
  page.on('pageerror', (error) => console.error(`[${impl} page]`, error.message))
  await page.goto(stack.pageUrl)
  await page.waitForFunction('window.bench && window.Upkit')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Performance.enable')
  if (batch.uploadBytesPerSecond) {
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: batch.uploadBytesPerSecond,
    })
  }
  return { page, cdp }
}

async function waitIdle(emu: Emulator): Promise<void> {
  for (let i = 0; i < 50 && emu.tempFiles().length > 0; i++) await new Promise((r) => setTimeout(r, 20))
}

/** Run one batch in a fresh page and collect both sides' numbers. */
export async function runOnce(
  browser: Browser,
  stack: Stack,
  impl: Impl,
  batch: Batch,
  faults: boolean,
): Promise<RunResult> {
  const { emu } = stack
  emu.faults.clear()
  await emu.clearFiles()
  emu.resetStats()
  if (faults) addFaults(emu, batch.count, batch.size)
  const { page, cdp } = await openPage(browser, stack, impl, batch)
  try {
    const cfg = {
      ...batch,
      publicKey: stack.publicKey,
      routeUrl: stack.routeUrl,
      uploadUrl: emu.uploadUrl,
      emulatorUrl: emu.url,
    }
    // A string, not a function: tsx may wrap functions in helpers that do not exist in the page.
    const before = await mainThread(cdp)
    const result = (await page.evaluate(`window.bench.${impl}(${JSON.stringify(cfg)})`)) as PageResult
    const after = await mainThread(cdp)
    const taskMs = after.task - before.task
    const scriptMs = after.script - before.script
    await waitIdle(emu)
    const stats = emu.stats()
    const tokensReused = stats.tokensUsed.length - new Set(stats.tokensUsed).size
    const emulatorView = { ...(await storedView(emu)), tokensReused, requests: stats.requests }
    return { impl, ...result, taskMs, scriptMs, ...emulatorView }
  } finally {
    await page.close()
    emu.faults.clear()
  }
}

/** `reps` runs of each uploader, alternating which goes first. */
export async function runScenario(
  browser: Browser,
  stack: Stack,
  batch: Batch,
  faults: boolean,
  reps: number,
  onRun: (result: RunResult) => void = () => {},
): Promise<RunResult[]> {
  const results: RunResult[] = []
  for (let rep = 0; rep < reps; rep++) {
    const order: Impl[] = rep % 2 === 0 ? ['upkit', 'baseline'] : ['baseline', 'upkit']
    for (const impl of order) {
      const result = await runOnce(browser, stack, impl, batch, faults)
      onRun(result)
      results.push(result)
    }
  }
  return results
}
