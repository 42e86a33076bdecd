import { expect, test } from '@playwright/test'
import { expectNoViolations } from './support/axe.js'
import { Emulator } from './support/emulator.js'
import { pngFile, textFile } from './support/files.js'
import { UploaderPage } from './support/uploader-page.js'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

test('the fault panel injects a 503 that the uploader then retries', async ({ page }) => {
  const uploader = new UploaderPage(page, '/')
  await uploader.goto()
  const panel = page.getByRole('region', { name: 'Fault panel' })
  await panel.getByLabel('Apply to the next').fill('1')
  await panel.getByRole('button', { name: 'Answer 503' }).click()
  await expect(panel.getByRole('listitem')).toHaveText(['next 1 upload: answer 503'])
  await uploader.chooseFiles([textFile('panel-503.txt')])
  await uploader.expectStatus('success', 'panel-503.txt')
  await emulator.expectStoredOnce('panel-503.txt')
  await expect(panel.getByTestId('stat-requests')).toHaveText('2')
  await expect(panel.getByTestId('stat-uploads')).toHaveText('1')
})

test('the fault panel switches to a read-only key and back', async ({ page }) => {
  const uploader = new UploaderPage(page, '/')
  await uploader.goto()
  const panel = page.getByRole('region', { name: 'Fault panel' })
  await panel.getByRole('button', { name: 'Switch to a read-only restricted key' }).click()
  await expect(panel.getByRole('status')).toHaveText('Now signing with a read-only key')
  await uploader.chooseFiles([textFile('panel-read-only.txt')])
  await uploader.expectStatus('error', 'panel-read-only.txt')
  await panel.getByRole('button', { name: 'Restore a working key' }).click()
  await expect(panel.getByRole('status')).toHaveText('Back to a working standard key')
  await uploader.chooseFiles([textFile('panel-restored.txt')])
  await uploader.expectStatus('success', 'panel-restored.txt')
  await emulator.expectStoredOnce('panel-restored.txt')
})

test('settings: folder, tags, allowed types and locale recreate the uploader', async ({ page }, testInfo) => {
  const uploader = new UploaderPage(page, '/')
  await uploader.goto()
  const settings = page.getByRole('region', { name: 'Settings' })
  await settings.getByLabel('Folder').fill('holiday')
  await settings.getByLabel('Tags').fill('e2e, beach')
  await settings.getByLabel('Allowed types').fill('image/*')
  await settings.getByLabel('Language').selectOption('de')
  await settings.getByRole('button', { name: 'Apply settings' }).click()
  await expect(uploader.root).toContainText('Dateien hierher ziehen')

  await uploader.chooseFiles([textFile('not-an-image.txt'), pngFile('beach.png')])
  // Refused before anything is sent: a restriction message names the file, and it is not uploaded.
  await expect(uploader.root.locator('.upkit-message')).toContainText('not-an-image.txt')
  await expect(uploader.row('not-an-image.txt')).toHaveCount(0)
  await uploader.expectStatus('success', 'beach.png')
  await uploader.screenshot(testInfo, 'german-with-rejection')
  await emulator.expectStoredOnce('beach.png')
  const [stored] = await emulator.files()
  expect(stored?.filePath).toMatch(/^\/upkit-demo\/demo-user\/holiday\/beach_.+\.png$/)
  expect(stored?.tags).toEqual(['e2e', 'beach'])
})

test('ImageKit’s own @imagekit/javascript upload() works against the emulator', async ({ page }) => {
  await page.goto('/imagekit-sdk.html')
  await page.getByLabel('File to upload').setInputFiles([textFile('sdk-check.txt')])
  await expect(page.getByRole('status')).toHaveText(
    /^Uploaded sdk-check_.+\.txt to \/upkit-demo\/demo-user\//,
  )
  await emulator.expectStoredOnce('sdk-check.txt')
  await expectNoViolations(page)
})

test('settings: the max file size stops at the signing route’s limit and says so', async ({
  page,
  request,
}) => {
  const config = await (await request.get('/api/demo/config')).json()
  const limitMb = Math.floor(config.maxFileSize / 100_000) / 10
  await new UploaderPage(page, '/').goto()
  const settings = page.getByRole('region', { name: 'Settings' })
  const field = settings.getByLabel('Max file size (MB)')
  await expect(field).toHaveAttribute('max', String(limitMb))
  await expect(field).toHaveAccessibleDescription(new RegExp(`At most ${limitMb} MB: the signing route`))
  await field.fill('100')
  await settings.getByRole('button', { name: 'Apply settings' }).click()
  // The browser refuses the form: nothing is applied (the URL keeps no maxFileSizeMb=100).
  expect(await field.evaluate((input: HTMLInputElement) => input.validity.rangeOverflow)).toBe(true)
  expect(page.url()).not.toContain('maxFileSizeMb')
})

test('rolling the key explains itself, and the route can be given the new key', async ({ page }) => {
  const uploader = new UploaderPage(page, '/')
  await uploader.goto()
  const panel = page.getByRole('region', { name: 'Fault panel' })
  const keys = panel.getByRole('group', { name: 'Key scenarios' })
  await expect(keys).toHaveAccessibleDescription(/the old one keeps working until the expiry/)
  await keys.getByRole('button', { name: 'Roll the key and expire the old one' }).click()
  await expect(panel.getByRole('status')).toContainText('until the route gets the new key')
  await uploader.chooseFiles([textFile('rolled-old-key.txt')])
  await uploader.expectStatus('error', 'rolled-old-key.txt')
  await keys.getByRole('button', { name: 'Give the signing route the new key' }).click()
  await expect(panel.getByRole('status')).toHaveText(
    'The signing route now signs with the new key: uploads work again',
  )
  await uploader.chooseFiles([textFile('rolled-new-key.txt')])
  await uploader.expectStatus('success', 'rolled-new-key.txt')
  await emulator.expectStoredOnce('rolled-new-key.txt')
  await panel.getByRole('button', { name: 'Restore a working key' }).click()
})

test('/script.html has the demo header, styled links and its own mount call as the sample', async ({
  page,
}, testInfo) => {
  const uploader = new UploaderPage(page, '/script.html')
  await uploader.goto()
  const nav = page.getByRole('navigation', { name: 'Demo pages' })
  await expect(page.locator('header.demo-header')).toBeVisible()
  await expect(nav.getByRole('link', { name: '<script> tag' })).toHaveAttribute('aria-current', 'page')
  await expect(page.locator('header .demo-badge')).toHaveText('Local ImageKit emulator')
  // Links take the demo's accent colour, not the browser's default blue/purple.
  const colour = await page.locator('.demo-intro a').evaluate((a) => getComputedStyle(a).color)
  const accent = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--demo-accent').trim(),
  )
  expect(colour).not.toBe('rgb(0, 0, 238)')
  expect(accent).toBe('#3b4fd8')
  expect(colour).toBe('rgb(59, 79, 216)')
  // The sample is the page's real mount function, with the tags it really loads.
  const sample = await page.locator('#sample').textContent()
  const source = await page.evaluate(() =>
    (window as unknown as { mountUploader: () => void }).mountUploader.toString(),
  )
  expect(sample).toContain(source.split('\n')[0])
  expect(sample).toContain("return Upkit.mount('#uploader', {")
  expect(sample).toContain('<script src="/upkit.iife.js"></script>')
  await uploader.chooseFiles([textFile('script-page.txt')])
  await uploader.expectStatus('success', 'script-page.txt')
  await uploader.screenshot(testInfo, 'script-page')
  await page.setViewportSize({ width: 375, height: 800 })
  await uploader.screenshot(testInfo, 'script-page-375')
})

test('gallery thumbnails at 375 px are asked for at the drawn size × devicePixelRatio', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 }, deviceScaleFactor: 2 })
  const page = await context.newPage()
  const uploader = new UploaderPage(page, '/')
  await uploader.goto()
  // A 1600 × 1200 photo-like PNG, drawn in the page (stripes and text: blur would show).
  const base64 = await page.evaluate(async () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 1600, height: 1200 })
    const g = canvas.getContext('2d') as CanvasRenderingContext2D
    for (let x = 0; x < 1600; x += 20) {
      g.fillStyle = x % 40 ? '#1b1f2a' : '#f6c945'
      g.fillRect(x, 0, 20, 1200)
    }
    g.fillStyle = '#fff'
    g.font = 'bold 160px sans-serif'
    g.fillText('Upkit 375', 200, 650)
    const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b as Blob), 'image/png'))
    const bytes = new Uint8Array(await blob.arrayBuffer())
    return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''))
  })
  await uploader.chooseFiles([
    { name: 'stripes.png', mimeType: 'image/png', buffer: Buffer.from(base64, 'base64') },
  ])
  await uploader.expectStatus('success', 'stripes.png')
  await page.goto('/gallery.html')
  const thumb = page.getByRole('img', { name: /^stripes/ })
  await expect(thumb).toHaveJSProperty('complete', true)
  await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  const drawn = await thumb.evaluate(async (img: HTMLImageElement) => {
    // naturalWidth is density-corrected for a 2x candidate: load the chosen file alone for its pixels.
    const probe = new Image()
    probe.src = img.currentSrc
    await probe.decode()
    const { width, height } = img.getBoundingClientRect()
    return {
      width,
      height,
      natural: probe.naturalWidth,
      naturalHeight: probe.naturalHeight,
      src: img.currentSrc,
    }
  })
  expect(drawn.src).toMatch(/\/tr:w-\d+\//)
  // Enough pixels for the tile on a 2× screen (object-fit: cover), from the full 1600 px image downscaled.
  expect(drawn.natural).toBeGreaterThanOrEqual(Math.floor(drawn.width * 2))
  expect(drawn.naturalHeight).toBeGreaterThanOrEqual(Math.floor(drawn.height * 2))
  expect(drawn.natural).toBeLessThan(1600)
  await new UploaderPage(page, '/gallery.html').screenshot(testInfo, 'gallery-375-dpr2')
  await context.close()
})

test('the fault panel’s "Storage full" applies to the next N uploads only', async ({ page }) => {
  const uploader = new UploaderPage(page, '/')
  await uploader.goto()
  const panel = page.getByRole('region', { name: 'Fault panel' })
  await panel.getByLabel('Apply to the next').fill('1')
  await panel.getByRole('button', { name: 'Storage full' }).click()
  await expect(panel.getByRole('listitem')).toHaveText(['next 1 upload: answer "storage full" (403)'])
  await uploader.chooseFiles([textFile('full-first.txt')])
  await uploader.expectStatus('error', 'full-first.txt')
  await expect(uploader.error('full-first.txt')).toContainText(/storage or upload limit/i)
  await uploader.chooseFiles([textFile('full-second.txt')])
  await uploader.expectStatus('success', 'full-second.txt')
  await emulator.expectStoredOnce('full-second.txt')
})
