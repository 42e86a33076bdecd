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

for (const path of ['/', '/script.html']) {
  test(`axe: ${path} at rest and with a done and a failed file`, async ({ page }) => {
    const uploader = new UploaderPage(page, path)
    await uploader.goto()
    await expectNoViolations(page)
    await emulator.addFault({ match: { fileName: 'axe-failed' }, action: { type: 'storage-full' } })
    await uploader.chooseFiles([pngFile('axe-done.png'), textFile('axe-failed.txt')])
    await uploader.expectStatus('success', 'axe-done.png')
    await uploader.expectStatus('error', 'axe-failed.txt')
    await expectNoViolations(page)
  })
}

test('axe: the gallery, empty and with files', async ({ page }, testInfo) => {
  await page.goto('/gallery.html')
  await expect(page.getByRole('heading', { name: '0 stored files' })).toBeVisible()
  await expectNoViolations(page)
  const uploader = new UploaderPage(page, '/')
  await uploader.goto()
  await uploader.chooseFiles([pngFile('gallery-a.png'), textFile('gallery-b.txt')])
  await uploader.expectStatus('success', 'gallery-a.png', 'gallery-b.txt')
  await page.goto('/gallery.html')
  await expect(page.getByRole('heading', { name: '2 stored files' })).toBeVisible()
  const thumbnail = page.getByRole('img', { name: /^gallery-a_.+\.png$/ })
  await expect(thumbnail).toBeVisible()
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0)
  await expectNoViolations(page)
  const path = testInfo.outputPath('gallery.png')
  await page.screenshot({ fullPage: true, path })
  await testInfo.attach('gallery', { path, contentType: 'image/png' })
})

test('axe: the fault panel page', async ({ page }, testInfo) => {
  await page.goto('/faults.html')
  await expect(page.getByRole('heading', { name: 'Faults and keys', level: 2 })).toBeVisible()
  await page.getByRole('button', { name: 'Answer 503' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Added' })).toContainText('answer 503')
  await expectNoViolations(page)
  const path = testInfo.outputPath('faults.png')
  await page.screenshot({ fullPage: true, path })
  await testInfo.attach('faults', { path, contentType: 'image/png' })
})
