import { expect, type Page, test } from '@playwright/test'
import { Emulator } from './support/emulator.js'
import { textFile } from './support/files.js'
import { UploaderPage } from './support/uploader-page.js'

/** The React page with its queue kept in IndexedDB, one upload at a time. */
const PATH = '/?persist=1&concurrency=1'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

/**
 * A stored name back to the name the file was chosen under: ImageKit's 9-character unique suffix
 * (`photo_S-PgGysnR.png`), or a kept queue's own upload name (`photo_k3j9x2ab.png`, base 36, ≤ 8).
 * The spec's file names have no underscore, so either suffix is unambiguous.
 */
function chosenName(stored: string): string {
  return stored.replace(/_[A-Za-z0-9_-]{9}(\.[^.]*)?$/, '$1').replace(/_[a-z0-9]{1,8}(\.[^.]*)?$/, '$1')
}

/** Each name stored exactly once, and nothing else. */
async function expectStoredOnce(...names: string[]): Promise<void> {
  await expect
    .poll(async () => (await emulator.files()).map((file) => chosenName(file.name)).sort(), {
      timeout: 20_000,
    })
    .toEqual([...names].sort())
}

function notice(page: Page) {
  return page.locator('.upkit-restored')
}

/** Until the kept queue holds `count` files (it is written asynchronously after each add). */
async function expectKept(page: Page, count: number): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open('upkit-queue-react')
            open.onerror = () => resolve(-1)
            open.onsuccess = () => {
              const db = open.result
              if (!db.objectStoreNames.contains('uploads')) {
                db.close()
                resolve(0)
                return
              }
              const request = db.transaction('uploads').objectStore('uploads').count()
              request.onsuccess = () => {
                db.close()
                resolve(request.result)
              }
              request.onerror = () => resolve(-1)
            }
          }),
      ),
    )
    .toBe(count)
}

test.describe('React <Uploader> with a kept queue', () => {
  test('a reload with uploads waiting offers them again; Resume stores each exactly once', async ({
    page,
  }, testInfo) => {
    test.setTimeout(60_000)
    page.on('dialog', (dialog) => void dialog.accept()) // the warning before leaving mid-upload
    const uploader = new UploaderPage(page, PATH)
    await uploader.goto()
    await emulator.addFault({ times: 1, action: { type: 'stall', ms: 60_000 } })
    const names = [
      'reload-1.txt',
      'reload-2.txt',
      'reload-3.txt',
      'reload-4.txt',
      'reload-5.txt',
      'reload-6.txt',
    ]
    await uploader.chooseFiles(names.map((name) => textFile(name, 32 * 1024)))
    await uploader.expectStatus('uploading', names[0] as string)
    await uploader.expectStatus('queued', ...names.slice(1))
    await emulator.waitForRequests(1)
    await expectKept(page, 6)

    await page.reload()
    await expect(uploader.dropzone).toBeVisible()
    await expect(notice(page).locator('.upkit-restored-text')).toHaveText(
      'Your last visit left 6 uploads unfinished.',
    )
    await expect(notice(page).getByRole('button', { name: 'Resume' })).toBeVisible()
    await expect(notice(page).getByRole('button', { name: 'Discard' })).toBeVisible()
    await expect(uploader.root.getByRole('status')).toHaveText(/Your last visit left 6 uploads unfinished\./)
    const path = testInfo.outputPath('restored-notice.png')
    await page.screenshot({ fullPage: true, path })
    await testInfo.attach('restored-notice', { path, contentType: 'image/png' })

    await notice(page).getByRole('button', { name: 'Resume' }).click()
    await expect(notice(page)).toHaveCount(0)
    await uploader.expectStatus('success', ...names)
    await expectStoredOnce(...names)
    expect((await emulator.stats()).requests).toBe(7) // the stalled one, then each file once
  })

  test('Discard drops what the last visit left: no notice, not even after another reload', async ({
    page,
  }) => {
    page.on('dialog', (dialog) => void dialog.accept())
    const uploader = new UploaderPage(page, PATH)
    await uploader.goto()
    await emulator.addFault({ times: 1, action: { type: 'stall', ms: 60_000 } })
    const names = ['discard-1.txt', 'discard-2.txt', 'discard-3.txt']
    await uploader.chooseFiles(names.map((name) => textFile(name)))
    await expectKept(page, 3)

    await page.reload()
    await expect(notice(page).locator('.upkit-restored-text')).toHaveText(
      'Your last visit left 3 uploads unfinished.',
    )
    await notice(page).getByRole('button', { name: 'Discard' }).click()
    await expect(notice(page)).toHaveCount(0)
    await expectKept(page, 0)

    await page.reload()
    await expect(uploader.dropzone).toBeVisible()
    await page.waitForTimeout(1_000) // the queue is read asynchronously: give a notice time to show up
    await expect(notice(page)).toHaveCount(0)
    expect(await emulator.files()).toEqual([])
  })

  test('a page closed mid-upload: the next visit resumes the unfinished files, none stored twice', async ({
    context,
  }) => {
    test.setTimeout(60_000)
    const first = await context.newPage()
    const uploader = new UploaderPage(first, PATH)
    await uploader.goto()
    // the first file goes through; the second hangs mid-body until the page goes away
    await emulator.addFault({ skip: 1, times: 1, action: { type: 'stall', ms: 60_000 } })
    const names = ['closed-1.txt', 'closed-2.txt', 'closed-3.txt']
    await uploader.chooseFiles(names.map((name) => textFile(name, 32 * 1024)))
    await uploader.expectStatus('success', names[0] as string)
    await uploader.expectStatus('uploading', names[1] as string)
    await emulator.waitForRequests(2)
    await expectKept(first, 2)
    await first.close()

    const second = await context.newPage()
    const again = new UploaderPage(second, PATH)
    await again.goto()
    await expect(notice(second).locator('.upkit-restored-text')).toHaveText(
      'Your last visit left 2 uploads unfinished.',
    )
    await notice(second).getByRole('button', { name: 'Resume' }).click()
    await expect(notice(second)).toHaveCount(0)
    await again.expectStatus('success', ...names.slice(1))
    await expectStoredOnce(...names)
    await expectKept(second, 0)
  })
})
