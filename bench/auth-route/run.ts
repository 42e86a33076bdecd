// Benchmark: the signing route's requests/s and p99 against a plain Express + @imagekit/nodejs route.
// Run from the repository root: pnpm exec tsx bench/auth-route/run.ts   (knobs: see bench/README.md)
import { execSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { check, type Method, measure, type Running, startServer } from './load.js'
import { type Round, roundLine, summary } from './report.js'
import { KINDS } from './shared.js'

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value < 1) throw new Error(`${name} must be a number ≥ 1`)
  return value
}
const ROUNDS = num('BENCH_ROUNDS', 6)
const WARMUP_S = num('BENCH_WARMUP_S', 5)
const DURATION_S = num('BENCH_DURATION_S', 10)
const CONNECTIONS = num('BENCH_CONNECTIONS', 100)
const METHODS = (process.env.BENCH_METHODS ?? 'GET,POST').split(',') as Method[]
/** 1: run Upkit from its TypeScript sources through tsx instead of its dist/ build on plain node. */
const FROM_SOURCE = process.env.BENCH_SOURCE === '1'
const root = fileURLToPath(new URL('../../', import.meta.url))

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

/** One round: every contender warmed up, then measured, in the given order. */
async function runRound(servers: readonly Running[], method: Method): Promise<Round> {
  const round: Round = []
  for (const server of servers) {
    await measure(server, method, WARMUP_S, CONNECTIONS)
    const sample = await measure(server, method, DURATION_S, CONNECTIONS)
    if (sample.failures > 0) throw new Error(`${server.kind} ${method}: ${sample.failures} failed requests`)
    round.push(sample)
  }
  return round
}

async function runMethod(servers: readonly Running[], method: Method): Promise<string> {
  for (const server of servers) await check(server, method)
  const rounds: Round[] = []
  for (let index = 0; index < ROUNDS; index++) {
    // Paired rounds in alternating order (abc, cba, …), so drift on the shared machine hits all alike.
    const order = index % 2 === 0 ? servers : [...servers].reverse()
    const round = await runRound(order, method)
    rounds.push(round)
    console.log(`${roundLine(method, index, round)}   load ${load()}`)
  }
  return summary(method, rounds)
}

console.log(
  `auth-route: ${ROUNDS} rounds × (${WARMUP_S} s warm-up + ${DURATION_S} s), ${CONNECTIONS} connections, ` +
    `Node ${process.version}, Upkit from ${FROM_SOURCE ? 'src/ (tsx)' : 'dist/'}, load ${load()}`,
)
if (!FROM_SOURCE) {
  // The servers import @upkit/auth-endpoint's dist/, so build it from the current sources first.
  const env = { ...process.env, COREPACK_INTEGRITY_KEYS: '0' }
  execSync('pnpm --filter @upkit/auth-endpoint run build', { cwd: root, env, stdio: 'ignore' })
}
const servers = await Promise.all(KINDS.map((kind) => startServer(kind, FROM_SOURCE)))
const stop = () => {
  for (const server of servers) server.child.kill()
}
process.once('SIGINT', () => {
  stop()
  process.exit(130)
})
try {
  const summaries: string[] = []
  for (const method of METHODS) summaries.push(await runMethod(servers, method))
  console.log(`\n${summaries.join('\n\n')}`)
} finally {
  stop()
}
