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
