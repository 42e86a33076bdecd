// Benchmark (issue 12): prepareImages() against @uppy/compressor and browser-image-compression on the
// same 12 MP photos, in headless Chromium: bytes saved and preparation time per photo, paired rounds.
// Run from the repository root: pnpm exec tsx bench/image-prep/run.ts   (knobs: see bench/README.md)
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { cpus, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { build, type Rollup } from 'vite'
import {
  exifSegment,
  exifTiff,
  photoJpeg,
  withSegments,
} from '../../packages/uploader-core/test/images/fixtures.js'
import type { Contender, Measurement } from './page.js'
import { sharp } from './sharp.js'

const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`)
  return value
}
const ROUNDS = num('BENCH_ROUNDS', 5)
const PHOTOS = num('BENCH_PHOTOS', 8)
const WIDTH = num('BENCH_WIDTH', 4000)
const HEIGHT = num('BENCH_HEIGHT', 3000)
const CONTENDERS: Contender[] = ['prepareImages', 'uppy-compressor', 'browser-image-compression']
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

async function bundle(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: 'warn',
    root: here('.'),
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: {
      alias: [
        {
          find: /^@upkit\/uploader-core\/images$/,
          replacement: here('../../packages/uploader-core/src/images/index.ts'),
        },
      ],
    },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      rollupOptions: {
        input: here('page.ts'),
        output: { format: 'es', entryFileNames: 'page.js' },
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[]
  const chunk = [output].flat()[0]?.output.find((item) => item.type === 'chunk')
  if (chunk?.type !== 'chunk') throw new Error('vite build gave no chunk')
  return chunk.code
}

/** Photo i: gradients, waves and noise (sizes like a phone's), GPS in EXIF, Orientation 1 or 6, a red marker. */
async function makePhotos(): Promise<{ key: string; orientation: number; bytes: Buffer }[]> {
  const photos = []
  for (let i = 1; i <= PHOTOS; i++) {
    const orientation = i % 2 ? 1 : 6
    const jpeg = await photoJpeg({
      width: WIDTH,
      height: HEIGHT,
      marker: true,
      seed: i,
      noise: 10 + (i % 4) * 2,
    })
    photos.push({
      key: `photo-${i}`,
      orientation,
      bytes: withSegments(jpeg, exifSegment(exifTiff({ orientation }))),
    })
  }
  return photos
}

function serve(files: Map<string, { body: Buffer | string; type: string }>): Promise<string> {
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? '/', 'http://x').pathname)
    if (file) response.writeHead(200, { 'content-type': file.type }).end(file.body)
    else response.writeHead(404).end()
  })
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`))
    server.unref()
  })
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}
const fmt = (n: number, digits = 0) => n.toFixed(digits)

console.log(
  `image-prep: ${PHOTOS} photos ${WIDTH}×${HEIGHT}, ${ROUNDS} rounds; ${cpus().length} cores, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
const [script, photos, bic] = await Promise.all([
  bundle(),
  makePhotos(),
  readFile(
    fileURLToPath(import.meta.resolve('browser-image-compression/dist/browser-image-compression.js')),
    'utf8',
  ),
])
const files = new Map<string, { body: Buffer | string; type: string }>([
  [
    '/',
    {
      body: '<!doctype html><meta charset="utf-8"><title>image-prep</title><script type="module" src="/page.js"></script>',
      type: 'text/html',
    },
  ],
  ['/page.js', { body: script, type: 'text/javascript' }],
  ['/browser-image-compression.js', { body: bic, type: 'text/javascript' }],
  ...photos.map((p) => [`/photos/${p.key}.jpg`, { body: p.bytes, type: 'image/jpeg' }] as const),
])
const origin = await serve(files)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage()
await page.goto(`${origin}/`)
await page.waitForFunction(() => 'bench' in window)
const measure = (contender: Contender, key: string, orientation: number, keep: boolean) =>
  page.evaluate(
    ([c, k, o, b]) =>
      (window as unknown as { bench: { measure(...a: unknown[]): Promise<Measurement> } }).bench.measure(
        c,
        k,
        o,
        b,
      ),
    [contender, key, orientation, keep] as const,
  )

// one warm-up pass (worker start, JIT), not counted
for (const contender of CONTENDERS) await measure(contender, photos[0]!.key, photos[0]!.orientation, false)
const rounds: Record<Contender, Measurement[]>[] = []
for (let round = 0; round < ROUNDS; round++) {
  // paired: every photo goes through all three back to back; the order flips from one round to the next
  const order = round % 2 ? [...CONTENDERS].reverse() : CONTENDERS
  const results = Object.fromEntries(CONTENDERS.map((c) => [c, [] as Measurement[]])) as Record<
    Contender,
    Measurement[]
  >
  for (const photo of photos) {
    // round 1 keeps the outputs, for the quality comparison below
    for (const c of order) results[c].push(await measure(c, photo.key, photo.orientation, round === 0))
  }
  rounds.push(results)
  const line = CONTENDERS.map((c) => `${c} ${fmt(median(results[c].map((m) => m.ms)))} ms`).join(', ')
  console.log(
    `round ${round + 1} (${order.map((c) => c.split('-')[0]).join(' → ')}): median per photo: ${line}`,
  )
}
await browser.close()

/** PSNR (dB, RGB) of an output against sharp's Lanczos-3 resize of the same photo (orientation applied). */
async function psnr(original: Buffer, output: Buffer): Promise<number> {
  const out = await sharp(output).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const reference = await sharp(original)
    .rotate()
    .resize(out.info.width, out.info.height, { kernel: 'lanczos3', fit: 'fill' })
    .removeAlpha()
    .raw()
    .toBuffer()
  let sum = 0
  for (let i = 0; i < reference.length; i++) sum += ((reference[i] ?? 0) - (out.data[i] ?? 0)) ** 2
  return 10 * Math.log10(255 ** 2 / (sum / reference.length))
}

console.log('\nround 1, per photo: output KB, and PSNR against a Lanczos-3 resize by sharp (higher = closer)')
const quality = Object.fromEntries(CONTENDERS.map((c) => [c, [] as number[]])) as Record<Contender, number[]>
for (const [i, photo] of photos.entries()) {
  const cells: string[] = []
  for (const c of CONTENDERS) {
    const m = rounds[0]![c][i]!
    quality[c].push(await psnr(photo.bytes, Buffer.from(m.base64 ?? '', 'base64')))
    cells.push(`${c} ${fmt(m.outBytes / 1024)} KB ${fmt(quality[c].at(-1) ?? 0, 2)} dB`)
  }
  console.log(
    `${photo.key} (o${photo.orientation}, ${fmt(photo.bytes.length / 1024)} KB): ${cells.join(', ')}`,
  )
}

console.log(
  '\nper contender: medians over rounds of the per-round median per photo; bytes from round 1 (the same every round)',
)
console.log(
  '| Contender | ms per photo | each round (ms) | vs prepareImages | input MB | output MB | saved | PSNR (median) | upright | main-thread long tasks per photo (median, max ms) |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
const perRound = (c: Contender) => rounds.map((r) => median(r[c].map((m) => m.ms)))
for (const c of CONTENDERS) {
  const first = rounds[0]![c]
  const inBytes = first.reduce((s, m) => s + m.inBytes, 0)
  const outBytes = first.reduce((s, m) => s + m.outBytes, 0)
  // paired: the ratio within each round, then its median
  const ratios = rounds.map((r) => median(r[c].map((m) => m.ms)) / median(r.prepareImages.map((m) => m.ms)))
  const all = rounds.flatMap((r) => r[c])
  const cells = [
    c,
    fmt(median(perRound(c))),
    perRound(c)
      .map((v) => fmt(v))
      .join(', '),
    `${fmt(median(ratios), 2)}×`,
    fmt(inBytes / 1e6, 1),
    fmt(outBytes / 1e6, 1),
    `${fmt(100 * (1 - outBytes / inBytes), 1)} %`,
    `${fmt(median(quality[c]), 2)} dB`,
    `${all.filter((m) => m.upright).length}/${all.length}`,
    `${fmt(median(all.map((m) => m.longTaskMs)))}, ${fmt(Math.max(...all.map((m) => m.longTaskMax)))}`,
  ]
  console.log(`| ${cells.join(' | ')} |`)
}
console.log(
  `output sizes: ${[...new Set(rounds[0]!.prepareImages.map((m) => `${m.width}×${m.height}`))].join(', ')} (all three)`,
)
