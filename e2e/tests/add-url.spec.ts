import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { expectNoViolations } from './support/axe.js'
import { Emulator } from './support/emulator.js'
import { UploaderPage, WIDGETS } from './support/uploader-page.js'

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

for (const widget of WIDGETS) {
  test.describe(`${widget.name}: add from a link (?urls=1)`, () => {
    test('uploads a link ImageKit downloads from the demo server, refusing a bad one inline', async ({
      page,
      baseURL,
      request,
    }, testInfo) => {
      const uploader = new UploaderPage(page, `${widget.path}?urls=1`)
      await uploader.goto()
      const field = uploader.root.getByRole('textbox', { name: 'Add from a link' })
      await expect(field).toBeVisible()
      await expectNoViolations(page)

      // a link without a scheme: the coded message under the field, focus stays in it, nothing sent
      await field.fill('example.com/cat.jpg')
      await uploader.root.getByRole('button', { name: 'Add', exact: true }).click()
      await expect(field).toHaveAccessibleDescription('Enter a full link starting with https:// or http://.')
      await expect(field).toHaveAttribute('aria-invalid', 'true')
      await expect(field).toBeFocused()
      await expectNoViolations(page)
      await uploader.screenshot(testInfo, 'refused-link')
      expect((await emulator.stats()).requests).toBe(0)

      // the demo server's own photo: the emulator (on loopback) fetches it, as ImageKit fetches the web
      const photo = await request.get('/sample-photo.png')
      expect(photo.ok()).toBe(true)
      const bytes = (await photo.body()).length
      await field.fill(`${baseURL}/sample-photo.png`)
      await field.press('Enter')
      await expect(field).toHaveValue('')
      await expect(field).not.toHaveAttribute('aria-invalid')
      await uploader.expectStatus('success', 'sample-photo.png')
      await emulator.expectStoredOnce('sample-photo.png')
      const stored = (await emulator.files())[0]
      expect(stored?.size).toBe(bytes)
      await expect(uploader.row('sample-photo.png').locator('.upkit-file-size')).not.toHaveText('')
      await uploader.screenshot(testInfo, 'uploaded-link')
      // the field after a link went in (the stored row's own buttons are the rows' a11y tests' to check)
      const { violations } = await new AxeBuilder({ page }).include('.upkit-link').analyze()
      expect(violations.map((v) => v.id)).toEqual([])
    })
  })
}
