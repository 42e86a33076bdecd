// Turns the rounds into text: one line per round, then medians and ratios against the baseline.
import type { Kind, Method, Sample } from './load.js'
import { KINDS } from './shared.js'

export type Round = Sample[]

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

const of = (round: Round, kind: Kind): Sample => {
  const sample = round.find((entry) => entry.kind === kind)
  if (sample === undefined) throw new Error(`no sample for ${kind}`)
  return sample
}

const rps = (value: number) => value.toFixed(0).padStart(6)
const ms = (value: number) => `${value.toFixed(0).padStart(3)} ms`

/** One line: the order the contenders ran in, then requests/s and p99 for each. */
export function roundLine(method: Method, index: number, round: Round): string {
  const order = round.map((sample) => 'abc'[KINDS.indexOf(sample.kind)]).join('')
  const cells = KINDS.map((kind) => {
    const sample = of(round, kind)
    return `${kind} ${rps(sample.reqPerSec)} req/s p99 ${ms(sample.p99)} cpu ${sample.cpuUs.toFixed(0)} µs`
  })
  return `${method} round ${index + 1} (${order}): ${cells.join(' | ')}`
}

const HEADER = [
  '| Contender | req/s | ÷ baseline | paired ÷ | p99 ms | ÷ baseline | CPU µs/req | ÷ baseline |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
]

/**
 * Markdown, per contender: medians of req/s, p99 and CPU per request, each also as a ratio of medians to
 * the baseline's, plus the median of the paired per-round req/s ratios.
 */
export function summary(method: Method, rounds: readonly Round[]): string {
  const med = (kind: Kind, pick: (sample: Sample) => number) =>
    median(rounds.map((round) => pick(of(round, kind))))
  const ratio = (value: number, base: number) => `${(value / base).toFixed(2)}×`
  const base = { rps: med('sdk-express', (s) => s.reqPerSec), p99: med('sdk-express', (s) => s.p99) }
  const baseCpu = med('sdk-express', (s) => s.cpuUs)
  const lines = [`### ${method}, ${rounds.length} rounds (medians)`, '', ...HEADER]
  for (const kind of KINDS) {
    const rpsMedian = med(kind, (s) => s.reqPerSec)
    const p99Median = med(kind, (s) => s.p99)
    const cpuMedian = med(kind, (s) => s.cpuUs)
    const paired = median(
      rounds.map((round) => of(round, kind).reqPerSec / of(round, 'sdk-express').reqPerSec),
    )
    const cells = [kind, rpsMedian.toFixed(0), ratio(rpsMedian, base.rps), `${paired.toFixed(2)}×`]
    cells.push(
      p99Median.toFixed(0),
      ratio(p99Median, base.p99),
      cpuMedian.toFixed(0),
      ratio(cpuMedian, baseCpu),
    )
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}
