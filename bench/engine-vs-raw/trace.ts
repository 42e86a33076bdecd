// Chromium performance traces and CPU profiles of one run, for the reading of a missed target.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, CDPSession, Page } from '@playwright/test'

interface TraceEvent {
  name: string
  cat?: string
  ph: string
  pid: number
  tid: number
  ts: number
  dur?: number
  /** Thread (CPU) time, µs: what the task itself used, without time the OS gave to other processes. */
  tdur?: number
  args?: Record<string, unknown>
}

export interface TaskSummary {
  /** Main-thread tasks of the page's renderer between the page's bench-start and bench-end marks. */
  tasks: number
  longestMs: number
  over50: number
  /** The largest thread (CPU) time of a task, and how many tasks used more than 50 ms of CPU. */
  longestCpuMs: number
  cpuOver50: number
  /** The longest few, with their CPU time and what ran in them (the trace's events inside each task). */
  top: { ms: number; cpuMs: number; inside: string }[]
  /** Main-thread CPU (thread time) of all tasks in the window, and by the kind of work directly inside the tasks. */
  /** The tasks that used the most CPU. */
  topCpu: { ms: number; cpuMs: number; inside: string }[]
  cpuMs: number
  byKind: { name: string; cpuMs: number; count: number }[]
}

export const TRACE_CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'toplevel',
]

/** Hooks for runOnce: Chromium tracing around bench.run, then a summary of the renderer main thread's tasks. */
export function traceHooks(browser: Browser) {
  let summary: TaskSummary | undefined
  return {
    before: async (page: Page) => {
      const extra = process.env.BENCH_TRACE_CATEGORIES?.split(',').filter(Boolean) ?? []
      await browser.startTracing(page, { categories: [...TRACE_CATEGORIES, ...extra] })
    },
    after: async () => {
      const buffer = await browser.stopTracing()
      // diagnostics: BENCH_TRACE_DIR keeps every trace (open in chrome://tracing or Perfetto)
      if (process.env.BENCH_TRACE_DIR)
        writeFileSync(join(process.env.BENCH_TRACE_DIR, `trace-${Date.now()}.json`), buffer)
      const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[]
      summary = summarise(Array.isArray(parsed) ? parsed : parsed.traceEvents)
    },
    summary: () => summary,
  }
}

/** Hooks for runOnce: the V8 CPU profiler around bench.run; `rows()` ranks what it sampled. */
export function profileHooks(top = 20) {
  let rows: { self: ProfileRow[]; total: ProfileRow[] } | undefined
  return {
    before: async (_page: Page, cdp: CDPSession) => startProfile(cdp),
    after: async (_page: Page, cdp: CDPSession) => {
      rows = await stopProfile(cdp, top)
    },
    rows: () => rows,
  }
}

const round1 = (v: number) => Math.round(v * 10) / 10

export function summarise(events: TraceEvent[]): TaskSummary {
  const start = events.find((e) => e.name === 'bench-start' && e.cat?.includes('blink.user_timing'))
  const end = events.find((e) => e.name === 'bench-end' && e.cat?.includes('blink.user_timing'))
  if (!start || !end)
    return {
      tasks: 0,
      longestMs: Number.NaN,
      over50: 0,
      longestCpuMs: Number.NaN,
      cpuOver50: 0,
      top: [],
      topCpu: [],
      cpuMs: Number.NaN,
      byKind: [],
    }
  const onThread = events.filter((e) => e.pid === start.pid && e.tid === start.tid && e.ph === 'X')
  const tasks = onThread
    .filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
    .filter((e) => e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts)
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
  const inside = (task: TraceEvent) => {
    const from = task.ts
    const to = task.ts + (task.dur ?? 0)
    const names = new Map<string, number>()
    for (const e of onThread) {
      if (e === task || e.name === task.name || e.ts < from || e.ts > to) continue
      if (!e.cat?.includes('devtools.timeline')) continue
      const data = (e.args?.data ?? {}) as { functionName?: string; url?: string; type?: string }
      const what = data.functionName || data.type || ''
      const key = `${e.name}${what ? `(${what})` : ''}`
      names.set(key, (names.get(key) ?? 0) + Math.min(e.tdur ?? e.dur ?? 0, e.dur ?? 0))
    }
    return [...names]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)} ms CPU`)
      .join(', ')
  }
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000
  // thread time, capped at the wall time (a few events carry a thread time above their duration)
  const cpu = (e: TraceEvent) => Math.min(e.tdur ?? Number.NaN, e.dur ?? 0) / 1000
  // what runs directly inside each task, by name (with the JS function or event type when the trace names it)
  const isTask = (e: TraceEvent) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'
  const inWindow = onThread
    .filter((e) => e.ts + (e.dur ?? 0) >= start.ts && e.ts <= end.ts)
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))
  const kinds = new Map<string, { cpu: number; count: number }>()
  const add = (name: string, cpuUs: number) => {
    const k = kinds.get(name) ?? { cpu: 0, count: 0 }
    k.cpu += cpuUs
    k.count++
    kinds.set(name, k)
  }
  const stack: { e: TraceEvent; childCpu: number }[] = []
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.e.ts ?? 0) + (stack.at(-1)?.e.dur ?? 0) <= until) {
      const top = stack.pop() as { e: TraceEvent; childCpu: number }
      if (isTask(top.e))
        add('(task, not inside a traced event)', Math.max(0, (top.e.tdur ?? 0) - top.childCpu))
    }
  }
  for (const e of inWindow) {
    close(e.ts)
    const parent = stack.at(-1)
    if (parent && isTask(parent.e) && !isTask(e)) {
      const data = (e.args?.data ?? {}) as { functionName?: string; type?: string; url?: string }
      const detail = data.type || data.functionName || ''
      add(`${e.name}${detail ? ` (${detail})` : ''}`, e.tdur ?? 0)
      parent.childCpu += e.tdur ?? 0
    }
    stack.push({ e, childCpu: 0 })
  }
  close(Number.POSITIVE_INFINITY)
  const byKind = [...kinds]
    .map(([name, k]) => ({ name, cpuMs: round1(k.cpu / 1000), count: k.count }))
    .sort((a, b) => b.cpuMs - a.cpuMs)
    .slice(0, 15)
  return {
    cpuMs: round1(tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0) / 1000),
    byKind,
    tasks: tasks.length,
    longestMs: tasks[0] ? ms(tasks[0]) : 0,
    over50: tasks.filter((t) => ms(t) > 50).length,
    longestCpuMs: Math.max(0, ...tasks.map(cpu).filter(Number.isFinite)),
    cpuOver50: tasks.filter((t) => cpu(t) > 50).length,
    top: tasks
      .slice(0, 5)
      .map((task) => ({ ms: round1(ms(task)), cpuMs: round1(cpu(task)), inside: inside(task) })),
    topCpu: [...tasks]
      .sort((a, b) => (b.tdur ?? 0) - (a.tdur ?? 0))
      .slice(0, 5)
      .map((task) => ({ ms: round1(ms(task)), cpuMs: round1(cpu(task)), inside: inside(task) })),
  }
}

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
  hitCount?: number
  children?: number[]
}

export interface ProfileRow {
  selfMs: number
  totalMs: number
  fn: string
}

/** Starts the V8 CPU profiler of the page (sampling every 100 µs). */
export async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
}

/** Stops it and ranks functions by self time (and by total time: self + callees, counted once per stack). */
export async function stopProfile(
  cdp: CDPSession,
  top = 20,
): Promise<{ self: ProfileRow[]; total: ProfileRow[] }> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const label = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame
    const file = url ? url.replace(/^.*\//, '') : ''
    return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`
  }
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0 // a sample's time is the delta to the next one
    const node = byId.get(id)
    if (!node) return
    const name = label(node)
    self.set(name, (self.get(name) ?? 0) + us)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const n = byId.get(at)
      if (!n) break
      const key = label(n)
      if (seen.has(key)) continue
      seen.add(key)
      total.set(key, (total.get(key) ?? 0) + us)
    }
  })
  const rank = (map: Map<string, number>) =>
    [...map]
      .filter(([fn]) => !fn.startsWith('(idle)') && !fn.startsWith('(root)') && !fn.startsWith('(program)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn]) => ({ fn, selfMs: (self.get(fn) ?? 0) / 1000, totalMs: (total.get(fn) ?? 0) / 1000 }))
  const idle = (self.get('(idle)') ?? 0) / 1000
  const program = (self.get('(program)') ?? 0) / 1000
  const gc = (self.get('(garbage collector)') ?? 0) / 1000
  console.log(
    `    profile: idle ${idle.toFixed(0)} ms, (program) ${program.toFixed(0)} ms, GC ${gc.toFixed(0)} ms`,
  )
  return { self: rank(self), total: rank(total) }
}
