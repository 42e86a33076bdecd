// Benchmark: does upload latency grow with the number of files the emulator stores?
// Run from the repository root: pnpm exec tsx bench/emulator-latency/run.ts
// Knobs: BENCH_SIZES (0,1000,5000,10000), BENCH_ROUNDS (16), BENCH_UPLOADS (50), BENCH_FILE_SIZE (10240),
// BENCH_COMPACT_RATIO (0.02: an extra instance with the largest size that compacts every ~ratio × files
// uploads; 0 leaves it out).

import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CompactionOptions } from '@upkit/imagekit-emulator'
import { streamUpload } from '../emulator-memory/upload-stream.js'
import { type EmulatorChild, startEmulatorChild } from './child.js'
import { seedDataDir } from './seed.js'
import { median, ms } from './stats.js'

const SIZES = (process.env.BENCH_SIZES ?? '0,1000,5000,10000').split(',').map(Number)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 16)
const UPLOADS = Number(process.env.BENCH_UPLOADS ?? 50)
const FILE_SIZE = Number(process.env.BENCH_FILE_SIZE ?? 10 * 1024)
const COMPACT_RATIO = Number(process.env.BENCH_COMPACT_RATIO ?? 0.02)
const WARMUP = 10
const TARGET = 1.2

interface Instance {
  label: string
  stored: number
  dataDir: string
  child: EmulatorChild
  startMs: number
  rounds: number[]
  all: number[]
}

async function startInstance(stored: number, compaction?: CompactionOptions): Promise<Instance> {
  const dataDir = mkdtempSync(join(tmpdir(), `upkit-latency-${stored}-`))
  seedDataDir(dataDir, stored)
  const started = performance.now()
  const child = await startEmulatorChild(dataDir, compaction)
  const startMs = performance.now() - started
  const label = compaction ? `${stored}+c` : String(stored)
  return { label, stored, dataDir, child, startMs, rounds: [], all: [] }
}

/** `count` sequential server-side (Basic auth) uploads of FILE_SIZE bytes; latency of each in ms. */
async function uploads(instance: Instance, count: number): Promise<number[]> {
  const latencies: number[] = []
  for (let i = 0; i < count; i++) {
    const { child } = instance
    const fields = { fileName: 'latency.bin', folder: '/bench' }
    const result = await streamUpload(child.uploadUrl, FILE_SIZE, fields, {
      Authorization: child.authorization,
    })
    if (result.status !== 200) throw new Error(`upload answered ${result.status}: ${result.body}`)
    latencies.push(result.seconds * 1000)
  }
  return latencies
}

/** Paired rounds: every instance runs one batch per round; the order flips from one round to the next. */
async function measure(instances: Instance[]): Promise<void> {
  for (const instance of instances) await uploads(instance, WARMUP)
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? instances : [...instances].reverse()
    for (const instance of order) {
      const latencies = await uploads(instance, UPLOADS)
      instance.rounds.push(median(latencies))
      instance.all.push(...latencies)
    }
    const cells = instances.map((instance) => ms(instance.rounds[round] ?? Number.NaN).padStart(8))
    console.log(`round ${String(round + 1).padStart(2)} ${round % 2 === 0 ? '→' : '←'} ${cells.join(' ')}`)
  }
}

function p90(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.9))] ?? Number.NaN
}

function row(instance: Instance, ratio: number, paired: number): string {
  const cells = [
    instance.label.padStart(6),
    instance.startMs.toFixed(0).padStart(8),
    ms(median(instance.rounds)).padStart(23),
    ms(p90(instance.all)).padStart(10),
    ms(Math.max(...instance.all)).padStart(10),
    `${ratio.toFixed(2).padStart(13)}×`,
    `${paired.toFixed(2).padStart(21)}×`,
  ]
  return cells.join('   ')
}

/** Medians, p90, max and the ratios to the first (empty) instance; false when the target is missed. */
function report(instances: Instance[]): boolean {
  const [empty] = instances
  if (!empty) return true
  console.log(
    '\nstored   start ms   median of round medians   p90 of all   max of all   ratio vs first   median per-round ratio',
  )
  let pass = true
  for (const instance of instances) {
    const ratio = median(instance.rounds) / median(empty.rounds)
    const paired = median(instance.rounds.map((value, round) => value / (empty.rounds[round] ?? Number.NaN)))
    const gated = instance.stored === Math.max(...SIZES) && !instance.label.endsWith('+c')
    if (gated && ratio > TARGET) pass = false
    console.log(row(instance, ratio, paired))
  }
  return pass
}

async function main(): Promise<void> {
  console.log(
    `emulator-latency: ${ROUNDS} rounds × ${UPLOADS} sequential ${FILE_SIZE}-byte uploads, stored ${SIZES.join(' / ')}, ` +
      `${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}, node ${process.version}`,
  )
  const instances: Instance[] = []
  try {
    for (const stored of SIZES) instances.push(await startInstance(stored))
    const largest = Math.max(...SIZES)
    if (COMPACT_RATIO > 0) instances.push(await startInstance(largest, { minLines: 0, ratio: COMPACT_RATIO }))
    const labels = instances.map((instance) => instance.label).join(' / ')
    console.log(
      `per-round median latency (ms), columns: ${labels} stored (+c: compacting every ~${Math.round(COMPACT_RATIO * largest)} uploads)`,
    )
    await measure(instances)
    const pass = report(instances)
    console.log(
      `${pass ? 'PASS' : 'FAIL'}: ${Math.max(...SIZES)} stored vs ${SIZES[0]} stored, target ≤ ${TARGET}×`,
    )
    if (!pass) process.exitCode = 1
  } finally {
    for (const instance of instances) {
      await instance.child.stop()
      rmSync(instance.dataDir, { recursive: true, force: true })
    }
  }
}

await main()
