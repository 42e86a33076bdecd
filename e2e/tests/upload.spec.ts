import { expect, test } from '@playwright/test'
import { Emulator } from './support/emulator.js'
import { pngFile, textFile } from './support/files.js'
import { UploaderPage, WIDGETS } from './support/uploader-page.js'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

for (const widget of WIDGETS) {
  test.describe(widget.name, () => {
    test('uploads a file picked in the file chooser', async ({ page }, testInfo) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await uploader.screenshot(testInfo, 'at-rest')
      await uploader.chooseFiles([pngFile('chooser.png')])
      await uploader.expectStatus('success', 'chooser.png')
      await emulator.expectStoredOnce('chooser.png')
      expect((await emulator.stats()).requests).toBe(1)
    })

    test('uploads files dropped on the drop zone', async ({ page }) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await uploader.dropFiles([textFile('dropped-a.txt'), pngFile('dropped-b.png')])
      await uploader.expectStatus('success', 'dropped-a.txt', 'dropped-b.png')
      await emulator.expectStoredOnce('dropped-a.txt', 'dropped-b.png')
    })

    test('uploads files pasted into the widget', async ({ page }) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await uploader.pasteFiles([pngFile('pasted.png')])
      await uploader.expectStatus('success', 'pasted.png')
      await emulator.expectStoredOnce('pasted.png')
    })

    test('shows per-file and total progress while several files upload', async ({ page }, testInfo) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      // The emulator holds each body for 4 s before reading on: the uploads stay visibly in flight.
      await emulator.addFault({ times: 3, action: { type: 'latency', ms: 4000 } })
      const names = ['many-1.txt', 'many-2.txt', 'many-3.txt']
      await uploader.chooseFiles(names.map((name) => textFile(name, 3 * 1024 * 1024)))
      for (const name of names) {
        await expect(uploader.row(name)).toHaveAttribute('data-status', 'uploading')
        await expect(uploader.progress(name)).toBeVisible()
      }
      await expect(uploader.totalProgress).toBeVisible()
      await uploader.screenshot(testInfo, 'mid-upload')
      await uploader.expectStatus('success', ...names)
      await expect(uploader.totalProgress).toHaveAttribute('value', '100')
      await emulator.expectStoredOnce(...names)
    })
  })
}
