import { expect, test } from '@playwright/test'
import { Emulator } from './support/emulator.js'
import { textFile } from './support/files.js'
import { UploaderPage, WIDGETS } from './support/uploader-page.js'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

async function expectDistinctTokens(): Promise<void> {
  const { tokensUsed } = await emulator.stats()
  expect(new Set(tokensUsed).size).toBe(tokensUsed.length)
}

for (const widget of WIDGETS) {
  test.describe(widget.name, () => {
    test('retries two injected 503s and stores the file exactly once', async ({ page }) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await emulator.addFault({ times: 2, action: { type: 'status', status: 503 } })
      await uploader.chooseFiles([textFile('retry-503.txt')])
      await uploader.expectStatus('success', 'retry-503.txt')
      await emulator.expectStoredOnce('retry-503.txt')
      const stats = await emulator.stats()
      expect(stats.requests).toBe(3)
      expect(stats.uploads).toBe(1)
      await expectDistinctTokens()
    })

    test('waits out a 429 and stores the file exactly once', async ({ page }) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await emulator.addFault({ times: 1, action: { type: 'rate-limit', resetMs: 1000 } })
      await uploader.chooseFiles([textFile('retry-429.txt')])
      await uploader.expectStatus('success', 'retry-429.txt')
      await emulator.expectStoredOnce('retry-429.txt')
      expect((await emulator.stats()).requests).toBe(2)
      await expectDistinctTokens()
    })

    test('retries a connection cut mid-body and stores the file once', async ({ page }) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await emulator.addFault({ times: 1, action: { type: 'cut', afterBytes: 16 * 1024 } })
      await uploader.chooseFiles([textFile('retry-cut.txt', 256 * 1024)])
      await uploader.expectStatus('success', 'retry-cut.txt')
      await emulator.expectStoredOnce('retry-cut.txt')
      expect((await emulator.stats()).requests).toBe(2)
      await expectDistinctTokens()
    })

    test('storage full: shows the message and stores nothing', async ({ page }) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await emulator.addFault({ action: { type: 'storage-full' } })
      await uploader.chooseFiles([textFile('storage-full.txt')])
      await uploader.expectStatus('error', 'storage-full.txt')
      await expect(uploader.error('storage-full.txt')).toContainText(/storage or upload limit/i)
      await expect(uploader.error('storage-full.txt')).toContainText('Request ID')
      expect(await emulator.files()).toEqual([])
      expect((await emulator.stats()).requests).toBe(1)
    })

    test('a rolled and expired key: a clear message, nothing stored', async ({ page }) => {
      await emulator.keyScenario('roll-expire')
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await uploader.chooseFiles([textFile('expired-key.txt')])
      await uploader.expectStatus('error', 'expired-key.txt')
      // KEY_EXPIRED's plain-language message, with ImageKit's request id to quote.
      await expect(uploader.error('expired-key.txt')).toContainText(/key\b.*\bexpired/i)
      await expect(uploader.error('expired-key.txt')).toContainText('Request ID')
      expect(await emulator.files()).toEqual([])
    })

    test('a read-only restricted key: a clear message, nothing stored', async ({ page }) => {
      await emulator.keyScenario('read-only')
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await uploader.chooseFiles([textFile('read-only.txt')])
      await uploader.expectStatus('error', 'read-only.txt')
      // PERMISSION_DENIED's plain-language message, with ImageKit's request id to quote.
      await expect(uploader.error('read-only.txt')).toContainText(/key\b.*\b(may not|not allowed to) upload/i)
      await expect(uploader.error('read-only.txt')).toContainText('Request ID')
      expect(await emulator.files()).toEqual([])
    })

    test('cancel mid-upload: nothing is stored', async ({ page }) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await emulator.addFault({ times: 1, action: { type: 'stall' } })
      await uploader.chooseFiles([textFile('cancelled.txt', 512 * 1024)])
      await emulator.waitForRequests(1)
      await expect(uploader.row('cancelled.txt')).toHaveAttribute('data-status', 'uploading')
      await uploader.cancelButton('cancelled.txt').click()
      await uploader.expectStatus('cancelled', 'cancelled.txt')
      expect(await emulator.files()).toEqual([])
      const stats = await emulator.stats()
      expect(stats.requests).toBe(1)
      expect(stats.uploads).toBe(0)
    })
  })
}

test.describe('React <Uploader> and the fault panel', () => {
  test('"Accept and process later (202)": the file shows as processing, neither done nor failed', async ({
    page,
  }, testInfo) => {
    const uploader = new UploaderPage(page, '/')
    await uploader.goto()
    const panel = page.locator('.demo-faults')
    await panel.getByLabel('Apply to the next').fill('1')
    await panel.getByRole('button', { name: 'Accept and process later (202)' }).click()
    await expect(panel).toContainText('next 1 upload: answer 202 "queued", processed later')
    await uploader.chooseFiles([textFile('accepted-202.txt')])
    await uploader.expectStatus('processing', 'accepted-202.txt')
    await expect(uploader.status('accepted-202.txt')).toHaveText(/processing/i)
    await expect(uploader.error('accepted-202.txt')).toHaveCount(0)
    await uploader.screenshot(testInfo, 'accepted-202-processing')
    // The 202 is final: one request, no retry; the preset stores nothing (ImageKit would, later).
    expect((await emulator.stats()).requests).toBe(1)
    expect(await emulator.files()).toEqual([])
  })
})
