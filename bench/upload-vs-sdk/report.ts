// Medians and plain-text tables for the console.
import type { RunResult } from './scenarios.js'

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (sorted.length === 0) return Number.NaN
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`
  return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n')
}

export interface Metric {
  label: string
  pick: (run: RunResult) => number
  format?: (value: number) => string
}

const plain = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1))

/** One row per metric: Upkit median, baseline median, Upkit/baseline, and every run's value. */
export function compare(results: readonly RunResult[], metrics: readonly Metric[]): string {
  const of = (impl: RunResult['impl']) => results.filter((run) => run.impl === impl)
  const rows = metrics.map(({ label, pick, format = plain }) => {
    const upkit = of('upkit').map(pick)
    const base = of('baseline').map(pick)
    const [u, b] = [median(upkit), median(base)]
    const ratio = b === 0 ? (u === 0 ? '–' : '∞') : `${(u / b).toFixed(2)}×`
    const runs = (values: number[]) => values.map(format).join(' / ')
    return [label, format(u), format(b), ratio, runs(upkit), runs(base)]
  })
  return table(['metric (median)', 'Upkit', 'SDK baseline', 'Upkit/SDK', 'Upkit runs', 'SDK runs'], rows)
}

/** One line per run, printed as the runs go (so a slow machine shows progress). */
export function runLine(label: string, run: RunResult): string {
  const errors = Object.entries(run.errors)
    .map(([code, n]) => `${code}×${n}`)
    .join(',')
  return (
    `  ${label} ${run.impl.padEnd(8)} ${run.ms.toFixed(0).padStart(6)} ms  ok ${run.ok} failed ${run.failed}` +
    `  stored ${run.stored} dup ${run.duplicates} tokens-reused ${run.tokensReused} requests ${run.requests}` +
    `  retries ${run.retries}  notifications ${run.notifications}` +
    `  long tasks ${run.longTasks.count} (${run.longTasks.ms} ms)` +
    `  main thread ${run.taskMs.toFixed(0)} ms (JS ${run.scriptMs.toFixed(0)} ms)${errors ? `  errors ${errors}` : ''}` +
    (run.timedOut ? '  TIMED OUT' : '')
  )
}
