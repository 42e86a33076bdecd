// Main-thread tasks of the page's renderer, from a Chromium trace (browser.startTracing).

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  /** Wall time and thread (CPU) time, µs. */
  dur?: number
  tdur?: number
  args?: { name?: string }
}

export const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline']

export interface Task {
  /** Wall time (ms): what the page waited. */
  wall: number
  /** CPU time of the thread (ms): the work itself, without the time the OS ran other processes. */
  cpu: number
}

/** The top-level tasks on the renderer main thread (`CrRendererMain`). */
export function mainThreadTasks(trace: Buffer): Task[] {
  const { traceEvents } = JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }
  const main = new Set(
    traceEvents
      .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  )
  return traceEvents
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`))
    .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }))
}
