import { expect, type Page, test } from '@playwright/test'
import { Emulator } from './support/emulator.js'
import { textFile } from './support/files.js'
import { UploaderPage } from './support/uploader-page.js'

// The <script>-tag widget with its queue kept in IndexedDB, one upload at a time.
const PATH = '/script.html?persist=1&concurrency=1'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

const notice = (page: Page) => page.locator('.upkit-restored')

/** Six files: the first stalls mid-upload, five wait behind it. */
async function queueBehindStall(uploader: UploaderPage, prefix: string): Promise<string[]> {
  await emulator.addFault({ times: 1, action: { type: 'stall', ms: 60_000 } })
  const names = Array.from({ length: 6 }, (_, i) => `${prefix}-${i + 1}.txt`)
  await uploader.chooseFiles(names.map((name) => textFile(name, 32 * 1024)))
  await uploader.expectStatus('uploading', names[0] as string)
  await uploader.expectStatus('queued', ...names.slice(1))
  await emulator.waitForRequests(1)
  await uploader.page.waitForTimeout(500) // let the queue reach IndexedDB
  return names
}

test.describe('<script>-tag widget with a persisted queue', () => {
  test('reload: the notice counts the unfinished files, Resume stores each exactly once', async ({
    page,
  }, testInfo) => {
    test.setTimeout(60_000)
    const uploader = new UploaderPage(page, PATH)
    await uploader.goto()
    const names = await queueBehindStall(uploader, 'reload')

    await page.reload()
    await expect(uploader.dropzone).toBeVisible()
    await expect(notice(page)).toContainText(`Your last visit left ${names.length} uploads unfinished.`)
    await expect(notice(page).getByRole('button', { name: 'Resume' })).toBeVisible()
    await expect(notice(page).getByRole('button', { name: 'Discard' })).toBeVisible()
    await uploader.screenshot(testInfo, 'restored-notice')

    await notice(page).getByRole('button', { name: 'Resume' }).click()
    await expect(notice(page)).toHaveCount(0)
    await uploader.expectStatus('success', ...names)
    await emulator.expectStoredOnce(...names)
  })

  test('Discard: the notice goes and does not come back after another reload', async ({ page }) => {
    test.setTimeout(60_000)
    const uploader = new UploaderPage(page, PATH)
    await uploader.goto()
    await queueBehindStall(uploader, 'discard')

    await page.reload()
    await expect(notice(page)).toBeVisible()
    await notice(page).getByRole('button', { name: 'Discard' }).click()
    await expect(notice(page)).toHaveCount(0)

    await page.reload()
    await expect(uploader.dropzone).toBeVisible()
    await page.waitForTimeout(1_000) // the stored queue is read asynchronously
    await expect(notice(page)).toHaveCount(0)
    await emulator.expectStoredOnce()
  })

  test('page closed while uploading: a new page resumes the unfinished files, none stored twice', async ({
    page,
    context,
  }) => {
    test.setTimeout(60_000)
    const first = new UploaderPage(page, PATH)
    await first.goto()
    // the first file is stored, the second stalls, the rest wait
    await emulator.addFault({ skip: 1, times: 1, action: { type: 'stall', ms: 60_000 } })
    const names = Array.from({ length: 4 }, (_, i) => `closed-${i + 1}.txt`)
    await first.chooseFiles(names.map((name) => textFile(name, 32 * 1024)))
    await first.expectStatus('success', names[0] as string)
    await first.expectStatus('uploading', names[1] as string)
    await emulator.waitForRequests(2)
    await page.waitForTimeout(500)
    await page.close()

    const second = new UploaderPage(await context.newPage(), PATH)
    await second.goto()
    await expect(notice(second.page)).toContainText('Your last visit left 3 uploads unfinished.')
    await notice(second.page).getByRole('button', { name: 'Resume' }).click()
    await second.expectStatus('success', ...names.slice(1))
    await emulator.expectStoredOnce(...names)
  })
})
