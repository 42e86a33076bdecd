import { expect, type Page, test } from '@playwright/test'
import { Emulator } from './support/emulator.js'
import {
  exifr,
  exifSegment,
  exifTiff,
  type FileSpec,
  heicWithExif,
  inPage,
  isRed,
  openImagesPage,
  phonePhoto,
  photoJpeg,
  photoPixels,
  pixel,
  sharp,
  storedBytes,
  withSegments,
} from './support/images-harness.js'

// prepareImages() in Chromium, in a page that uploads through createUploader({ preprocess }) to the
// emulator; the files are made here (sharp, hand-built EXIF) and the stored bytes are read back.
let emulator: Emulator
const files = new Map<string, Buffer>()

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
  files.clear()
})

async function uploadAll(page: Page, specs: FileSpec[], allowed?: string[]) {
  const started = await inPage(page, 'start', specs, {}, allowed)
  expect(started.rejected).toEqual([])
  const summary = await inPage(page, 'settled')
  expect(summary.map((f) => [f.name, f.status, f.error])).toEqual(
    specs.map((s) => [s.name, 'success', undefined]),
  )
  return { started, summary, stored: await emulator.files() }
}

for (const minify of [true, false]) {
  test(`a 6000×4000 phone photo is stored upright, within 2560 px, without GPS (${minify ? 'minified app bundle' : 'unminified, as dist or Vite dev'})`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const original = await phonePhoto(6000, 4000)
    files.set('phone', original)
    await openImagesPage(page, files, { minify })
    const { summary, stored } = await uploadAll(page, [
      { key: 'phone', name: 'IMG_1234.jpg', type: 'image/jpeg' },
    ])
    expect(summary[0]).toMatchObject({ type: 'image/jpeg', originalSize: original.length })
    expect(summary[0]?.size).toBeLessThan(original.length)

    const bytes = await storedBytes(stored, 'IMG_1234.jpg')
    const meta = await sharp(bytes).metadata()
    // Orientation 6 turns the picture a quarter: 4000 wide × 6000 high as shown, fitted to 2560
    expect([meta.format, meta.width, meta.height, meta.orientation]).toEqual(['jpeg', 1706, 2560, undefined])
    expect(isRed(await pixel(bytes, 1706 - 30, 30))).toBe(true)
    for (const [x, y] of [
      [30, 30],
      [30, 2530],
      [1676, 2530],
    ] as const)
      expect(isRed(await pixel(bytes, x, y))).toBe(false)
    const tags = (await exifr.parse(bytes, { gps: true })) ?? {}
    expect(Object.keys(tags).filter((key) => /gps|latitude|longitude/i.test(key))).toEqual([])
    expect(bytes.includes(Buffer.from('GPS'))).toBe(false)
  })
}

test('where no worker may start (CSP worker-src none), the main thread gives the same result', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const original = await phonePhoto(6000, 4000)
  files.set('phone', original)
  const errors: string[] = []
  const refusals: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) refusals.push(message.text())
  })
  await openImagesPage(page, files, { noWorkers: true })
  const { stored } = await uploadAll(page, [{ key: 'phone', name: 'no-worker.jpg', type: 'image/jpeg' }])
  const bytes = await storedBytes(stored, 'no-worker.jpg')
  expect(await sharp(bytes).metadata()).toMatchObject({ width: 1706, height: 2560 })
  expect(isRed(await pixel(bytes, 1706 - 30, 30))).toBe(true)
  expect(bytes.length).toBeLessThan(original.length)
  expect(errors).toEqual([])
  // the browser did refuse the worker: the result above came from the main thread
  expect(refusals.length).toBeGreaterThan(0)
})

test('a wide-gamut (Display P3) JPEG keeps its ICC profile, and its colours', async ({ page }) => {
  test.setTimeout(90_000)
  // sharp converts the pixels into P3 and tags them so: the profile matters for every pixel
  const p3 = await sharp(await photoJpeg({ width: 3200, height: 2400, seed: 5 }))
    .withIccProfile('p3')
    .jpeg({ quality: 90 })
    .toBuffer()
  files.set('p3', p3)
  await openImagesPage(page, files)
  const { stored } = await uploadAll(page, [{ key: 'p3', name: 'wide.jpg', type: 'image/jpeg' }])
  const bytes = await storedBytes(stored, 'wide.jpg')
  const [source, result] = await Promise.all([sharp(p3).metadata(), sharp(bytes).metadata()])
  expect([result.width, result.height]).toEqual([2560, 1920])
  expect(result.icc?.equals(source.icc as Buffer)).toBe(true)
  // both read through their profiles into sRGB by sharp: the same colours, give or take JPEG noise
  const srgb = (image: Buffer) =>
    sharp(image).resize(320, 240, { fit: 'fill' }).toColourspace('srgb').raw().toBuffer()
  const [a, b] = await Promise.all([srgb(p3), srgb(bytes)])
  const meanDifference =
    a.reduce((sum: number, value: number, i: number) => sum + Math.abs(value - (b[i] ?? 0)), 0) / a.length
  expect(meanDifference).toBeLessThan(3)
})

test('a 1200×800 photo is stored byte for byte as it was, but for its blanked location block', async ({
  page,
}) => {
  const original = await phonePhoto(1200, 800, 1)
  files.set('small', original)
  await openImagesPage(page, files)
  const { stored } = await uploadAll(page, [{ key: 'small', name: 'small.jpg', type: 'image/jpeg' }])
  const bytes = await storedBytes(stored, 'small.jpg')
  expect(bytes.length).toBe(original.length)
  const app1End = 2 + exifSegment(exifTiff()).length
  const changed = [...bytes.keys()].filter((i) => bytes[i] !== original[i])
  expect(changed.length).toBeGreaterThan(0)
  expect(changed.every((i) => i > 2 && i < app1End)).toBe(true)
  const tags = await exifr.parse(bytes, { gps: true })
  expect(tags).toMatchObject({ Make: 'Upkit Camera', Orientation: 'Horizontal (normal)' })
  expect(tags.latitude).toBeUndefined()
})

test('a large PNG with transparency is resized and keeps its alpha (never black)', async ({ page }) => {
  test.setTimeout(90_000)
  const [width, height] = [5000, 3000]
  const rgb = photoPixels({ width, height, seed: 3 })
  const rgba = Buffer.alloc(width * height * 4)
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    rgb.copy(rgba, i, j, j + 3)
    // the left half fully transparent, the right half opaque
    rgba[i + 3] = (i / 4) % width < width / 2 ? 0 : 255
  }
  files.set(
    'cutout',
    await sharp(rgba, { raw: { width, height, channels: 4 } })
      .png()
      .toBuffer(),
  )
  await openImagesPage(page, files)
  const { summary, stored } = await uploadAll(page, [
    { key: 'cutout', name: 'cutout.png', type: 'image/png' },
  ])
  expect(summary[0]).toMatchObject({ name: 'cutout.png', type: 'image/png' })
  const bytes = await storedBytes(stored, 'cutout.png')
  expect(await sharp(bytes).metadata()).toMatchObject({
    format: 'png',
    width: 2560,
    height: 1536,
    hasAlpha: true,
  })
  expect((await pixel(bytes, 100, 700))[3]).toBe(0)
  const opaque = await pixel(bytes, 2400, 700)
  expect(opaque[3]).toBe(255)
  expect(opaque.slice(0, 3).some((channel) => channel > 40)).toBe(true)
})

test('an animated GIF and an SVG are stored unchanged', async ({ page }) => {
  const frame = (background: string) =>
    sharp({ create: { width: 3000, height: 40, channels: 3, background } })
      .png()
      .toBuffer()
  const gif = await sharp([await frame('red'), await frame('blue')], { join: { animated: true } })
    .gif({ loop: 0 })
    .toBuffer()
  const svg = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="4000" height="4000"><rect width="4000" height="4000" fill="teal"/></svg>',
  )
  files.set('gif', gif)
  files.set('svg', svg)
  await openImagesPage(page, files)
  const { stored } = await uploadAll(page, [
    { key: 'gif', name: 'banner.gif', type: 'image/gif' },
    { key: 'svg', name: 'logo.svg', type: 'image/svg+xml' },
  ])
  expect((await storedBytes(stored, 'banner.gif')).equals(gif)).toBe(true)
  expect((await storedBytes(stored, 'logo.svg')).equals(svg)).toBe(true)
})

test('a corrupt JPEG is stored unchanged, with a console note; one with GPS loses only its location', async ({
  page,
}) => {
  // photos cut off early (a broken transfer): the header is there, the picture cannot be decoded
  const corrupt = (await photoJpeg({ width: 3000, height: 2000 })).subarray(0, 600)
  const tiff = exifTiff()
  const located = withSegments(corrupt, exifSegment(tiff))
  files.set('corrupt', corrupt)
  files.set('located', located)
  const notes: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'warning') notes.push(message.text())
  })
  await openImagesPage(page, files)
  const { stored } = await uploadAll(page, [
    { key: 'corrupt', name: 'broken.jpg', type: 'image/jpeg' },
    { key: 'located', name: 'broken-gps.jpg', type: 'image/jpeg' },
  ])
  expect((await storedBytes(stored, 'broken.jpg')).equals(corrupt)).toBe(true)
  const bytes = await storedBytes(stored, 'broken-gps.jpg')
  expect(bytes.length).toBe(located.length)
  expect(bytes.subarray(2 + 10 + tiff.length).equals(located.subarray(2 + 10 + tiff.length))).toBe(true)
  const tags = await exifr.parse(bytes.subarray(12, 12 + tiff.length), { gps: true })
  expect(tags).toMatchObject({ Make: 'Upkit Camera' })
  expect(tags.latitude).toBeUndefined()
  expect(
    notes.filter((note) =>
      /prepareImages: could not prepare "broken\.jpg" .*; uploading it unchanged\./.test(note),
    ),
  ).toHaveLength(1)
  expect(
    notes.filter((note) => /"broken-gps\.jpg" .*; uploading it with only its location removed\./.test(note)),
  ).toHaveLength(1)
})

test('a HEIC with no MIME type is recognised by its bytes, passes image/*, and is uploaded without its location', async ({
  page,
}) => {
  const heic = heicWithExif(exifTiff({ orientation: 6 }))
  files.set('heic', heic)
  await openImagesPage(page, files)
  expect(await inPage(page, 'sniff', { key: 'heic', name: 'IMG_0001.HEIC' })).toBe('image/heic')
  const { started, summary, stored } = await uploadAll(
    page,
    [{ key: 'heic', name: 'IMG_0001.HEIC' }],
    ['image/*'],
  )
  // the engine asked preprocess.detectType before its type check: added as HEIC, not rejected
  expect(started.added).toEqual([{ name: 'IMG_0001.HEIC', type: 'image/heic' }])
  expect(summary[0]).toMatchObject({ type: 'image/heic', size: heic.length })
  const bytes = await storedBytes(stored, 'IMG_0001.HEIC')
  expect(bytes.length).toBe(heic.length)
  const tags = await exifr.parse(bytes, { gps: true })
  expect(tags).toMatchObject({ Make: 'Upkit Camera' })
  expect(tags.latitude).toBeUndefined()
})

test.describe('twenty 12 MP photos in a row', () => {
  test.setTimeout(240_000)

  async function twentyPhotos(page: Page): Promise<FileSpec[]> {
    // four different photos (making one takes about a second), each handed over five times
    for (let seed = 1; seed <= 4; seed++)
      files.set(`photo-${seed}`, await phonePhoto(4000, 3000, seed % 2 ? 1 : 6, seed))
    await openImagesPage(page, files)
    return Array.from({ length: 20 }, (_, i) => ({
      key: `photo-${(i % 4) + 1}`,
      name: `photo-${i + 1}.jpg`,
      type: 'image/jpeg',
    }))
  }

  test('no main-thread task over 50 ms and under 200 MB of JS heap growth', async ({ page }) => {
    const specs = await twentyPhotos(page)
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
    }
    const baseline = await heap()
    let peak = baseline
    const sampler = setInterval(
      () =>
        heap().then(
          (value) => (peak = Math.max(peak, value)),
          () => {},
        ),
      50,
    )
    await page.evaluate(() => {
      const tasks: number[] = []
      Object.assign(window, { longTasks: tasks })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration)
      }).observe({ type: 'longtask' })
    })
    const results = await inPage(page, 'prepareEach', specs)
    clearInterval(sampler)
    peak = Math.max(peak, await heap())
    const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)
    const times = results.map((r) => Math.round(r.ms))
    console.log(
      `prepareImages, 20 × 12 MP: ms per photo ${times.join(' ')}; long tasks ${JSON.stringify(longTasks)}; heap +${((peak - baseline) / 2 ** 20).toFixed(1)} MB`,
    )
    for (const result of results) {
      expect(result.type).toBe('image/jpeg')
      expect(result.size).toBeLessThan(result.inputSize)
    }
    expect(longTasks.filter((ms) => ms > 50)).toEqual([])
    expect(peak - baseline).toBeLessThan(200 * 2 ** 20)
  })

  test('cancel during preparation stops the work at once, and nothing is uploaded', async ({ page }) => {
    const specs = await twentyPhotos(page)
    await inPage(page, 'start', specs.slice(0, 3))
    await expect
      .poll(async () => (await inPage(page, 'summary'))[0]?.status, { intervals: [10] })
      .toBe('preparing')
    const before = await page.evaluate(
      () => (window as unknown as { workerCounts: { terminated: number } }).workerCounts.terminated,
    )
    await inPage(page, 'cancel', 'photo-1.jpg')
    await expect
      .poll(async () => (await inPage(page, 'summary'))[0]?.status, { timeout: 500 })
      .toBe('cancelled')
    const after = await page.evaluate(
      () => (window as unknown as { workerCounts: { terminated: number } }).workerCounts.terminated,
    )
    expect(after).toBe(before + 1)
    const summary = await inPage(page, 'settled')
    expect(summary.map((f) => f.status)).toEqual(['cancelled', 'success', 'success'])
    expect((await emulator.files()).map((f) => f.name).filter((n) => n.startsWith('photo-1_'))).toEqual([])

    // and prepareImages() on its own: its promise rejects as soon as the signal aborts
    const { outcome, ms } = await inPage(page, 'abortAfter', specs[0]!, 40)
    expect(outcome).toBe('AbortError')
    expect(ms).toBeLessThan(50)
  })
})
