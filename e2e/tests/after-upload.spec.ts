import { expect, test } from '@playwright/test'
import { Emulator } from './support/emulator.js'
import { textFile } from './support/files.js'
import { UploaderPage } from './support/uploader-page.js'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

/** The `<script>` page keeps its widget in `window.upkitDemo`; listen to its engine from the test. */
async function recordSuccesses(page: import('@playwright/test').Page): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { upkitDemo?: unknown }).upkitDemo !== undefined)
  await page.evaluate(() => {
    const w = window as unknown as {
      upkitDemo: { uploader: { on: (e: string, l: (p: { file: { serverData?: unknown } }) => void) => void } }
      successes: unknown[]
    }
    w.successes = []
    w.upkitDemo.uploader.on('upload-success', ({ file }) => w.successes.push(file.serverData))
  })
}

test('the app’s server records ImageKit’s own file; its answer reaches onSuccess; Remove deletes it in ImageKit', async ({
  page,
}, testInfo) => {
  const uploader = new UploaderPage(page, '/script.html')
  await uploader.goto()
  await recordSuccesses(page)
  await uploader.chooseFiles([textFile('kept.txt')])
  await uploader.expectStatus('success', 'kept.txt')
  const [stored] = await emulator.files()
  const successes = await page.evaluate(() => (window as unknown as { successes: unknown[] }).successes)
  // what onUploadComplete returned, built from the record the route fetched from ImageKit itself
  expect(successes).toEqual([{ user: 'demo-user', filePath: stored?.filePath, size: stored?.size }])

  await page.getByRole('button', { name: 'Remove kept.txt' }).click()
  await expect(uploader.row('kept.txt')).toHaveCount(0)
  await expect(uploader.root.getByRole('status')).toContainText('“kept.txt” was deleted.')
  // …and a visible notice says so, not only the screen reader
  await expect(
    page.getByRole('list', { name: 'Messages' }).getByText('“kept.txt” was deleted.'),
  ).toBeVisible()
  await expect.poll(async () => (await emulator.files()).length).toBe(0)
  await uploader.screenshot(testInfo, 'after-revert')
})

test('a forged complete or revert for another user’s file is refused, and the file stays', async ({
  page,
  context,
}) => {
  const uploader = new UploaderPage(page, '/script.html')
  await uploader.goto()
  await uploader.chooseFiles([textFile('alices.txt')])
  await uploader.expectStatus('success', 'alices.txt')
  const [stored] = await emulator.files()
  await context.addCookies([{ name: 'upkit_demo_user', value: 'mallory', url: page.url() }])
  const answers = await page.evaluate(async (fileId) => {
    const post = async (action: string) => {
      const response = await fetch('/api/imagekit/auth', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action, fileId }),
      })
      return { status: response.status, body: await response.json() }
    }
    return [await post('complete'), await post('revert')]
  }, stored?.fileId)
  for (const answer of answers)
    expect(answer).toMatchObject({ status: 403, body: { code: 'FOLDER_NOT_ALLOWED' } })
  expect(await emulator.files()).toHaveLength(1)
})
