// CPU time (user + system) of this Node process (emulator, signing route, harness) and of every
// process below it (Chromium: browser, renderers, network service, …), read from /proc (Linux).
import { readdirSync, readFileSync } from 'node:fs'

const TICK_MS = 10 // USER_HZ = 100 on Linux

function stat(pid: string): { ppid: number; ticks: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ') // after "pid (comm) "
    // fields[0] = state, [1] = ppid, [11] = utime, [12] = stime
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) }
  } catch {
    return undefined
  }
}

/** CPU ms so far: this process, and its descendants that are alive now. Per pid, so a delta survives exits. */
/** What a Chromium process is, from its --type= flag (the browser process has none). */
function kind(pid: number): string {
  try {
    const text = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')
    const type = /--type=(\S+)/.exec(text)?.[1]
    if (!type) return /chrom/.test(text) ? 'browser' : 'other'
    if (type !== 'utility') return type
    const sub = /--utility-sub-type=(\S+)/.exec(text)?.[1] ?? ''
    return sub.includes('network') ? 'network' : `utility:${sub.replace(/^.*\./, '')}`
  } catch {
    return 'gone'
  }
}

const kinds = new Map<number, string>()
/** BENCH_CPU_DETAIL=1: also read the renderer's threads (main, compositor, V8 workers, IO, …). */
const DETAIL = process.env.BENCH_CPU_DETAIL === '1'

/** CPU ms of each thread of `pid`, keyed by thread name (digits dropped: "ThreadPoolForeg" etc. sum up). */
function threadsOf(pid: number, into: Map<string, number>): void {
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      const s = stat(`${pid}/task/${tid}`)
      const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, 'utf8').trim().replace(/\d+$/, '')
      if (s) into.set(`${tid}\t${comm}`, s.ticks * TICK_MS)
    }
  } catch {}
}

export function cpuNow(): { node: number; children: Map<number, number>; threads: Map<string, number> } {
  const usage = process.cpuUsage()
  const node = (usage.user + usage.system) / 1000
  const all = new Map<number, { ppid: number; ticks: number }>()
  if (process.platform === 'linux') {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue
      const s = stat(name)
      if (s) all.set(Number(name), s)
    }
  }
  const children = new Map<number, number>()
  const mine = new Set([process.pid])
  let grew = true
  while (grew) {
    grew = false
    for (const [pid, s] of all)
      if (!mine.has(pid) && mine.has(s.ppid)) {
        mine.add(pid)
        children.set(pid, s.ticks * TICK_MS)
        grew = true
      }
  }
  const threads = new Map<string, number>()
  if (DETAIL)
    for (const pid of children.keys()) {
      if (!kinds.has(pid)) kinds.set(pid, kind(pid))
      if (kinds.get(pid) === 'renderer') threadsOf(pid, threads)
    }
  return { node, children, threads }
}

/** CPU ms spent between two readings: Node, and the child processes (new ones count from 0). */
export function cpuSince(
  before: ReturnType<typeof cpuNow>,
  after = cpuNow(),
): {
  nodeMs: number
  browserMs: number
  byKind: Record<string, number>
  rendererThreads: Record<string, number>
} {
  let browserMs = 0
  const byKind: Record<string, number> = {}
  for (const [pid, ms] of after.children) {
    const spent = ms - (before.children.get(pid) ?? 0)
    browserMs += spent
    if (!kinds.has(pid)) kinds.set(pid, kind(pid))
    const k = kinds.get(pid) as string
    if (spent > 0) byKind[k] = (byKind[k] ?? 0) + spent
  }
  const rendererThreads: Record<string, number> = {}
  for (const [key, ms] of after.threads) {
    const spent = ms - (before.threads.get(key) ?? 0)
    const name = key.split('\t')[1] as string
    if (spent > 0) rendererThreads[name] = (rendererThreads[name] ?? 0) + spent
  }
  return { nodeMs: after.node - before.node, browserMs, byKind, rendererThreads }
}
