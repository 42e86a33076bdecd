import { expect, test } from '@playwright/test'
import { Emulator } from './support/emulator.js'
import { textFile } from './support/files.js'
import { UploaderPage, WIDGETS } from './support/uploader-page.js'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

for (const widget of WIDGETS) {
  test.describe(widget.name, () => {
    test('offline mid-upload for longer than the retry budget: waits, burns no attempt, stores each file once', async ({
      page,
      context,
    }, testInfo) => {
      test.setTimeout(60_000)
      // a budget of one retry (about a second of backoff): far shorter than the time offline below
      const uploader = new UploaderPage(page, `${widget.path}?retries=1`)
      await uploader.goto()
      // the first attempts hang mid-body, so going offline cuts them before anything is stored
      await emulator.addFault({ times: 3, action: { type: 'stall', ms: 60_000 } })
      const names = ['offline-a.txt', 'offline-b.txt', 'offline-c.txt']
      await uploader.chooseFiles(names.map((name) => textFile(name, 64 * 1024)))
      await uploader.expectStatus('uploading', ...names)
      await emulator.waitForRequests(3)

      await context.setOffline(true)
      for (const name of names)
        await expect(uploader.status(name)).toHaveText('Offline — waiting for the connection')
      await uploader.screenshot(testInfo, 'offline-waiting')
      const before = await emulator.stats()
      await page.waitForTimeout(6_000) // six times the whole retry budget
      for (const name of names) await expect(uploader.row(name)).toHaveAttribute('data-status', 'retrying')
      expect((await emulator.stats()).requests).toBe(before.requests) // nothing was even tried

      await context.setOffline(false)
      await uploader.expectStatus('success', ...names)
      await emulator.expectStoredOnce(...names)
      const { tokensUsed } = await emulator.stats()
      expect(new Set(tokensUsed).size).toBe(tokensUsed.length)
    })
  })
}
