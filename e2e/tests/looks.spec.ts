import { expect, type Page, type TestInfo, test } from '@playwright/test'
import { expectNoViolations } from './support/axe.js'
import { Emulator } from './support/emulator.js'
import { textFile } from './support/files.js'
import { UploaderPage, WIDGETS } from './support/uploader-page.js'

/**
 * How the widgets look in a host page: light and dark (the host's surface shows through), a phone's
 * width, a failed, a retrying and a stored row, and German and French at 320 px without overflow.
 * Each state is attached as a screenshot for a person to look at.
 */
let emulator: Emulator

test.beforeEach(async ({ request }) => {
  emulator = await Emulator.connect(request)
  await emulator.reset()
})

/** The widget's own box: nothing in it is wider than it, and the page does not scroll sideways. */
async function expectNoOverflow(uploader: UploaderPage): Promise<void> {
  const widths = await uploader.root.evaluate((root) => ({
    root: [root.scrollWidth, root.clientWidth],
    page: [document.documentElement.scrollWidth, window.innerWidth],
  }))
  expect(widths.root[0], 'widget scrollWidth ≤ clientWidth').toBeLessThanOrEqual(widths.root[1] ?? 0)
  expect(widths.page[0], 'page scrollWidth ≤ viewport').toBeLessThanOrEqual(widths.page[1] ?? 0)
}

/** The `<script>` page with the widget mounted again in a locale (`Upkit.locales.de`), as a site would. */
async function remountScriptWidget(page: Page, locale: 'de' | 'fr'): Promise<void> {
  await page.evaluate(async (lang) => {
    const upkit = (window as unknown as { Upkit: Record<string, never> }).Upkit as unknown as {
      mount: (target: string, options: Record<string, unknown>) => unknown
      locales: Record<string, unknown>
    }
    const config = await (await fetch('/api/demo/config', { cache: 'no-store' })).json()
    upkit.mount('#uploader', {
      publicKey: config.publicKey,
      auth: { url: '/api/imagekit/auth', method: 'POST' },
      uploadEndpoint: config.uploadEndpoint,
      locale: upkit.locales[lang],
      intlLocale: lang,
    })
  }, locale)
}

/** A stored, a failed and a cancelled-free retry-less mix: every row action and total button shows. */
async function doneAndFailed(uploader: UploaderPage, done: string, failed: string): Promise<void> {
  await emulator.addFault({ match: { fileName: failed }, action: { type: 'storage-full' } })
  await uploader.chooseFiles([textFile(done), textFile(failed)])
  await uploader.expectStatus('success', done)
  await uploader.expectStatus('error', failed)
}

async function shoot(uploader: UploaderPage, testInfo: TestInfo, label: string): Promise<void> {
  await uploader.page.mouse.move(0, 0) // the drop zone as it rests, not hovered
  await uploader.screenshot(testInfo, label)
}

for (const widget of WIDGETS) {
  test.describe(widget.name, () => {
    test('light and dark: no background of its own, legible in both', async ({ page }, testInfo) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await doneAndFailed(uploader, 'light-done.txt', 'light-failed.txt')
      const transparent = 'rgba(0, 0, 0, 0)'
      await expect(uploader.root).toHaveCSS('background-color', transparent)
      await expect(uploader.root).toHaveCSS('text-align', 'start')
      await expect(uploader.root).toHaveCSS('box-sizing', 'border-box')
      await shoot(uploader, testInfo, 'light')
      await page.emulateMedia({ colorScheme: 'dark' })
      await expect(uploader.root).toHaveCSS('background-color', transparent)
      await expect(uploader.root).toHaveCSS('color', 'rgb(232, 236, 240)')
      await shoot(uploader, testInfo, 'dark')
      await expectNoViolations(page)
    })

    test('375 px wide, with a failed row and a stored row that links to its file', async ({
      page,
    }, testInfo) => {
      await page.setViewportSize({ width: 375, height: 812 })
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      await doneAndFailed(uploader, 'narrow-done.txt', 'narrow-failed.txt')
      // failed: no bar, a clear status; stored: a link to its URL in a new tab, and Copy link
      await expect(uploader.row('narrow-failed.txt').locator('progress')).toHaveCount(0)
      await expect(uploader.status('narrow-failed.txt')).toHaveText('Failed')
      const link = uploader.root.getByRole('link', { name: 'narrow-done.txt (opens in a new tab)' })
      await expect(link).toHaveAttribute('href', /^https?:\/\/.+narrow-done/)
      await expect(link).toHaveAttribute('target', '_blank')
      await expect(link).toHaveAttribute('rel', 'noopener')
      await expect(uploader.root.getByRole('button', { name: 'Copy link to narrow-done.txt' })).toBeVisible()
      await expect(uploader.root.locator('.upkit-total-text')).toHaveText('1 uploaded · 1 failed')
      await expectNoOverflow(uploader)
      await shoot(uploader, testInfo, 'narrow-375-done-and-failed')
    })

    test('a retrying row says why and counts down', async ({ page }, testInfo) => {
      const uploader = new UploaderPage(page, widget.path)
      await uploader.goto()
      // 503 first (then success), with the emulator slow to answer so the retry is on screen
      await emulator.addFault({ times: 1, action: { type: 'rate-limit', resetMs: 6000 } })
      await uploader.chooseFiles([textFile('busy.txt')])
      await expect(uploader.status('busy.txt')).toHaveText(/^Server busy — retrying in [1-6] s$/)
      await expect(uploader.root.locator('.upkit-total-text')).not.toContainText('left')
      await shoot(uploader, testInfo, 'retrying')
      await uploader.expectStatus('success', 'busy.txt')
      await expect(uploader.status('busy.txt')).toHaveText('Done')
      await expect(uploader.progress('busy.txt')).toHaveAttribute('value', '100')
      await shoot(uploader, testInfo, 'done-with-link')
    })

    for (const locale of ['de', 'fr'] as const) {
      test(`${locale} at 320 px: labels fit, no horizontal overflow, no axe violation`, async ({
        page,
      }, testInfo) => {
        await page.setViewportSize({ width: 320, height: 720 })
        const uploader = new UploaderPage(page, widget.path === '/' ? `/?locale=${locale}` : widget.path)
        await uploader.goto()
        if (widget.path !== '/') await remountScriptWidget(page, locale)
        await expect(uploader.root).toHaveAttribute('class', /upkit--styled/)
        await doneAndFailed(uploader, `${locale}-done.txt`, `${locale}-failed.txt`)
        await expect(uploader.root.locator('.upkit-total-text')).toHaveText(
          locale === 'de' ? '1 hochgeladen · 1 fehlgeschlagen' : '1 envoyé · 1 en échec',
        )
        await expectNoOverflow(uploader)
        await expectNoViolations(page)
        await shoot(uploader, testInfo, `${locale}-320`)
      })
    }
  })
}
