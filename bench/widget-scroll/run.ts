// Benchmark: 10,000 files in React's <Uploader> and in mount(), in real (headless Debian) Chromium.
// Counts the row elements, then scrolls the list to the end and back while recording frame times.
// Run from the repository root: pnpm exec tsx bench/widget-scroll/run.ts   (knobs: see bench/README.md)
import { cpus, loadavg } from 'node:os'
import { chromium, type Page } from '@playwright/test'
import type { ScrollResult } from './page.js'
import { servePages, WIDGETS, type WidgetName } from './pages.js'
import { mainThreadTasks, type Task, TRACE_CATEGORIES } from './trace.js'

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isFinite(value) || value < 1) throw new Error(`${name} must be a number ≥ 1`)
  return value
}
const FILES = num('BENCH_FILES', 10_000)
const ROUNDS = num('BENCH_ROUNDS', 5)
/** Frames per direction: a jump scroll crosses the whole list in this many frames. */
const JUMP_FRAMES = num('BENCH_JUMP_FRAMES', 120)
/** A wheel-like scroll: this many px per frame, for as many frames as the jump scroll. */
const WHEEL_PX = num('BENCH_WHEEL_PX', 120)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const only = (process.env.BENCH_WIDGETS ?? 'react,dom,control').split(',') as WidgetName[]

interface Round {
  widget: WidgetName
  addMs: number
  rows: number
  elements: number
  lastName: string | null
  frames: number[]
  /** The same frames split: jumps across the whole list, and wheel-sized steps. */
  jump: number[]
  wheel: number[]
  blank: number
  tasks: Task[]
}

type Bench = {
  add(count: number): Promise<number>
  rows(): number
  elements(): number
  maxScroll(): number
  scroll(from: number, step: number, count: number): Promise<ScrollResult>
  nameAt(at: number): string | null
}
declare const bench: Bench

/** Scrolls the list from `from` by `step` px a frame for `count` frames (see page.ts). */
const scrollBy = (page: Page, from: number, step: number, count = JUMP_FRAMES) =>
  page.evaluate((args) => bench.scroll(args.from, args.step, args.count), { from, step, count })

/** To the end and back by jumps, then down and up by wheel-sized steps from the middle. */
async function scrollAll(
  page: Page,
): Promise<ScrollResult & { lastName: string | null; jump: number[]; wheel: number[] }> {
  const max = await page.evaluate(() => bench.maxScroll())
  const jump = Math.ceil(max / JUMP_FRAMES)
  const down = await scrollBy(page, 0, jump)
  const lastName = await page.evaluate(() => bench.nameAt(1))
  const up = await scrollBy(page, max, -jump)
  const middle = Math.round(max / 2)
  const wheelDown = await scrollBy(page, middle, WHEEL_PX)
  const wheelUp = await scrollBy(page, middle + WHEEL_PX * JUMP_FRAMES, -WHEEL_PX)
  const parts = [down, up, wheelDown, wheelUp]
  return {
    frames: parts.flatMap((part) => part.frames),
    jump: [...down.frames, ...up.frames],
    wheel: [...wheelDown.frames, ...wheelUp.frames],
    blank: parts.reduce((sum, part) => sum + part.blank, 0),
    lastName,
  }
}

async function round(page: Page, url: string, widget: WidgetName): Promise<Round> {
  await page.goto(url)
  await page.waitForFunction(() => 'bench' in window)
  const addMs = await page.evaluate((count) => bench.add(count), FILES)
  await page.waitForTimeout(300) // let the engine's last notification and the first paint settle
  const rows = await page.evaluate(() => bench.rows())
  const elements = await page.evaluate(() => bench.elements())
  const browser = page.context().browser()
  await browser?.startTracing(page, { categories: TRACE_CATEGORIES })
  const scrolled = await scrollAll(page)
  const trace = await browser?.stopTracing()
  const tasks = trace ? mainThreadTasks(trace) : []
  return { widget, addMs, rows, elements, ...scrolled, tasks }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const over = (values: number[], limit: number) => values.filter((value) => value > limit).length
const maxOf = (tasks: Task[], key: keyof Task) => Math.max(0, ...tasks.map((task) => task[key]))
const wall = (r: Round) => r.tasks.map((task) => task.wall)
const cpu = (r: Round) => r.tasks.map((task) => task.cpu)

function line(r: Round, i: number): string {
  const cells = [
    `${r.widget} #${i + 1}`,
    `rows ${r.rows}`,
    `elements ${r.elements}`,
    `add ${Math.round(r.addMs)} ms`,
    `frames ${r.frames.length}`,
    `max ${Math.max(...r.frames).toFixed(1)} ms`,
    `median ${median(r.frames).toFixed(1)} ms`,
    `max jump/wheel ${Math.max(...r.jump).toFixed(1)}/${Math.max(...r.wheel).toFixed(1)} ms`,
    `>16.7 ${over(r.frames, 16.7)}`,
    `>20 ${over(r.frames, 20)}`,
    `>50 ${over(r.frames, 50)}`,
    `blank ${r.blank}`,
    `task max ${maxOf(r.tasks, 'wall').toFixed(1)} ms (cpu ${maxOf(r.tasks, 'cpu').toFixed(1)})`,
    `tasks >50 ${over(wall(r), 50)} (cpu >50 ${over(cpu(r), 50)}, >16.7 ${over(cpu(r), 16.7)})`,
    `last "${r.lastName}"`,
  ]
  return cells.join(' | ')
}

function summary(widget: WidgetName, rounds: Round[]): string {
  const pick = (f: (r: Round) => number) => median(rounds.map(f)).toFixed(1)
  return [
    `${widget} median of ${rounds.length}:`,
    `rows ${pick((r) => r.rows)}`,
    `max frame ${pick((r) => Math.max(...r.frames))} ms (jump ${pick((r) => Math.max(...r.jump))}, wheel ${pick((r) => Math.max(...r.wheel))})`,
    `>16.7 ${pick((r) => over(r.frames, 16.7))}`,
    `>20 ${pick((r) => over(r.frames, 20))}`,
    `>50 ${pick((r) => over(r.frames, 50))}`,
    `blank ${pick((r) => r.blank)}`,
    `task max ${pick((r) => maxOf(r.tasks, 'wall'))} ms (cpu ${pick((r) => maxOf(r.tasks, 'cpu'))})`,
    `tasks cpu >16.7 ${pick((r) => over(cpu(r), 16.7))}`,
    `add ${pick((r) => r.addMs)} ms`,
  ].join(' | ')
}

const pages = await servePages()
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
})
try {
  console.log(
    `widget-scroll — ${new Date().toISOString()}, Node ${process.versions.node}, Chromium ${browser.version()}, ` +
      `${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  )
  console.log(
    `${FILES} files, ${ROUNDS} rounds per widget (alternating), ${JUMP_FRAMES} frames per direction: ` +
      `jumps to the end and back, then ${WHEEL_PX} px per frame down and up from the middle`,
  )
  const results: Round[] = []
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  for (let i = 0; i < ROUNDS; i++) {
    for (const widget of i % 2 ? [...only].reverse() : only) {
      if (!(widget in WIDGETS)) throw new Error(`unknown widget ${widget}`)
      const page = await context.newPage()
      const result = await round(page, pages.url(widget), widget)
      await page.close()
      results.push(result)
      console.log(line(result, results.filter((r) => r.widget === widget).length - 1))
    }
  }
  console.log(
    `load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}\n`,
  )
  for (const widget of only)
    console.log(
      summary(
        widget,
        results.filter((r) => r.widget === widget),
      ),
    )
} finally {
  await browser.close()
  await pages.close()
}
