import { expect, type Locator, type Page, test } from '@playwright/test'
import { expectNoViolations } from './support/axe.js'
import { Emulator } from './support/emulator.js'
import { textFile } from './support/files.js'
import { UploaderPage } from './support/uploader-page.js'

/** 10,000 files; the demo's React page holds at most `maxFiles` (20 by default), raised in its URL. */
const COUNT = 10_000
const name = (i: number) => `long-${String(i).padStart(5, '0')}.txt`

let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
  // Uploads hang (3 at a time), so the other files stay queued while the list is looked at.
  await emulator.addFault({ match: { fileName: 'long-' }, action: { type: 'stall' } })
})

/** Drops `COUNT` tiny files made in the page (far quicker than sending 10,000 buffers from the test). */
async function dropMany(uploader: UploaderPage): Promise<void> {
  const transfer = await uploader.page.evaluateHandle((count) => {
    const data = new DataTransfer()
    for (let i = 0; i < count; i++) {
      data.items.add(
        new File([`file ${i}`], `long-${String(i).padStart(5, '0')}.txt`, { type: 'text/plain' }),
      )
    }
    return data
  }, COUNT)
  for (const type of ['dragenter', 'dragover', 'drop']) {
    await uploader.dropzone.dispatchEvent(type, { dataTransfer: transfer })
  }
}

/** The row elements in the page (all of them, drawn or not). */
const rowCount = (page: Page) => page.locator('li.upkit-file').count()

async function scrollList(list: Locator, to: 'end' | 'start'): Promise<void> {
  await list.evaluate((element, where) => {
    element.scrollTop = where === 'end' ? element.scrollHeight : 0
  }, to)
}

for (const widget of [
  { name: 'React <Uploader>', path: `/?maxFiles=${COUNT * 2}` },
  { name: '<script>-tag widget', path: '/script.html' },
]) {
  test(`${widget.name}: 10,000 files, a few dozen rows, scrolling and focus`, async ({ page }, testInfo) => {
    test.setTimeout(180_000)
    const uploader = new UploaderPage(page, widget.path)
    await page.goto(widget.path)
    await expect(uploader.dropzone).toBeVisible({ timeout: 60_000 }) // a busy machine: allow more
    await dropMany(uploader)
    const list = uploader.root.getByRole('list', { name: 'Files' })
    await expect(list).toHaveClass(/upkit-files--virtual/, { timeout: 60_000 })
    // The whole list box on screen, so "in the viewport" means "shown in the list".
    await list.scrollIntoViewIfNeeded()
    // Totals and the live region count every file, not the rows drawn.
    await expect(uploader.root.getByRole('status')).toContainText(`${COUNT} files added.`)
    await expect(uploader.root.locator('.upkit-total-text')).toContainText('of 88.9 kB')
    expect(await rowCount(page)).toBeLessThanOrEqual(300)
    const first = list.locator('li').first()
    await expect(first).toHaveAttribute('aria-setsize', String(COUNT))
    await expect(first).toHaveAttribute('aria-posinset', '1')

    // Tab from the first row's button reaches the second row's.
    await uploader.root.getByRole('button', { name: `Cancel ${name(0)}` }).focus()
    await page.keyboard.press('Tab')
    const cancelSecond = uploader.root.getByRole('button', { name: `Cancel ${name(1)}` })
    await expect(cancelSecond).toBeFocused()

    // Scrolled to the end: the last file is shown, and the focused button (row 2) kept focus.
    await scrollList(list, 'end')
    const last = list.locator('li', { hasText: name(COUNT - 1) })
    await expect(last).toBeInViewport()
    await expect(last).toHaveAttribute('aria-posinset', String(COUNT))
    await expect(cancelSecond).toBeFocused()
    expect(await rowCount(page)).toBeLessThanOrEqual(300)
    await expectNoViolations(page)
    await uploader.screenshot(testInfo, 'long-list-end')

    // And back to the top, where the first files are in their places.
    await scrollList(list, 'start')
    await expect(list.locator('li', { hasText: name(0) })).toBeInViewport()
    await expect(list.locator('li').nth(1)).toContainText(name(1))
    await uploader.screenshot(testInfo, 'long-list-top')
  })

  test(`${widget.name}: Clear finished drops done files and keeps the rest`, async ({ page }) => {
    const uploader = new UploaderPage(page, widget.path)
    await uploader.goto()
    await emulator.clearFaults()
    await uploader.chooseFiles([textFile('clear-a.txt'), textFile('clear-b.txt')])
    await uploader.expectStatus('success', 'clear-a.txt', 'clear-b.txt')
    await emulator.addFault({ match: { fileName: 'clear-stuck' }, action: { type: 'stall' } })
    await uploader.chooseFiles([textFile('clear-stuck.txt')])
    await uploader.expectStatus('uploading', 'clear-stuck.txt')
    const clear = uploader.root.getByRole('button', { name: 'Clear finished' })
    await clear.click()
    await expect(uploader.row('clear-a.txt')).toHaveCount(0)
    await expect(uploader.row('clear-b.txt')).toHaveCount(0)
    await expect(uploader.row('clear-stuck.txt')).toHaveCount(1)
    await expect(clear).toHaveCount(0)
    // The pressed button is gone: focus went to its neighbour in the total actions, not to the page.
    await expect(uploader.root.getByRole('button', { name: 'Cancel all' })).toBeFocused()
  })
}
