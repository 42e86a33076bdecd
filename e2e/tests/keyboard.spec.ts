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
  test(`${widget.name}: keyboard only, from Tab to a stored file`, async ({ page }) => {
    const uploader = new UploaderPage(page, widget.path)
    await uploader.goto()
    // Tab through the page until the drop zone has focus (no mouse anywhere in this test).
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Tab')
          return uploader.dropzone.evaluate((zone) => zone === document.activeElement)
        },
        { intervals: [0], timeout: 10_000 },
      )
      .toBe(true)
    const chooser = page.waitForEvent('filechooser')
    await page.keyboard.press('Enter')
    await (await chooser).setFiles([textFile('keyboard.txt')])
    await uploader.expectStatus('success', 'keyboard.txt')
    await emulator.expectStoredOnce('keyboard.txt')

    // The row's Remove button is reachable and works with the keyboard too.
    const remove = uploader.root.getByRole('button', { name: 'Remove keyboard.txt' })
    await expect
      .poll(
        async () => {
          await page.keyboard.press('Tab')
          return remove.evaluate((button) => button === document.activeElement)
        },
        { intervals: [0], timeout: 10_000 },
      )
      .toBe(true)
    await page.keyboard.press('Space')
    await expect(uploader.row('keyboard.txt')).toHaveCount(0)
  })
}
