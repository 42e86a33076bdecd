import { expect, type Locator, type Page, type TestInfo } from '@playwright/test'
import { serialize, type TestFile } from './files.js'

/** The two widgets under test: the React component and the `<script>`-tag build. */
export const WIDGETS = [
  { name: 'React <Uploader>', path: '/' },
  { name: '<script>-tag widget', path: '/script.html' },
] as const

/** One uploader widget on a page, found by the shared `upkit-*` class names and accessible names. */
export class UploaderPage {
  readonly page: Page
  readonly path: string
  readonly root: Locator
  readonly dropzone: Locator
  readonly input: Locator
  readonly totalProgress: Locator

  constructor(page: Page, path: string) {
    this.page = page
    this.path = path
    this.root = page.locator('.upkit').first()
    this.dropzone = this.root.locator('.upkit-dropzone')
    this.input = this.root.locator('input[type=file]')
    this.totalProgress = this.root.getByRole('progressbar', { name: 'Total upload progress' })
  }

  async goto(): Promise<void> {
    await this.page.goto(this.path)
    await expect(this.dropzone).toBeVisible()
  }

  row(name: string): Locator {
    return this.root.locator('.upkit-file', { hasText: name })
  }

  status(name: string): Locator {
    return this.row(name).locator('.upkit-file-status')
  }

  error(name: string): Locator {
    return this.row(name).locator('.upkit-file-error')
  }

  progress(name: string): Locator {
    return this.root.getByRole('progressbar', { name: `Upload progress of ${name}` })
  }

  cancelButton(name: string): Locator {
    return this.root.getByRole('button', { name: `Cancel ${name}` })
  }

  /** Through the operating system's file chooser, opened by clicking the drop zone. */
  async chooseFiles(files: TestFile[]): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser')
    await this.dropzone.click()
    await (await chooser).setFiles(files)
  }

  /** A real drag and drop: dragenter, dragover and drop carrying a DataTransfer built in the page. */
  async dropFiles(files: TestFile[]): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle((serialized) => {
      const transfer = new DataTransfer()
      for (const file of serialized) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
        transfer.items.add(new File([bytes], file.name, { type: file.type }))
      }
      return transfer
    }, serialize(files))
    for (const type of ['dragenter', 'dragover', 'drop']) {
      await this.dropzone.dispatchEvent(type, { dataTransfer })
    }
  }

  /** A paste into the widget, as Ctrl+V with files on the clipboard would fire it. */
  async pasteFiles(files: TestFile[]): Promise<void> {
    await this.dropzone.focus()
    await this.dropzone.evaluate((zone, serialized) => {
      const transfer = new DataTransfer()
      for (const file of serialized) {
        const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
        transfer.items.add(new File([bytes], file.name, { type: file.type }))
      }
      zone.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
      )
    }, serialize(files))
  }

  /** Waits for each row's `data-status` (queued, signing, uploading, retrying, success, error, cancelled). */
  async expectStatus(status: string, ...names: string[]): Promise<void> {
    for (const name of names) await expect(this.row(name)).toHaveAttribute('data-status', status)
  }

  /** A full-page screenshot kept as a test artifact (test-results/…, attached to the report). */
  async screenshot(testInfo: TestInfo, label: string): Promise<void> {
    const path = testInfo.outputPath(`${label}.png`)
    // finished transitions: a colour-scheme switch or a hover must not be caught half-way
    await this.page.screenshot({ fullPage: true, path, animations: 'disabled' })
    await testInfo.attach(label, { path, contentType: 'image/png' })
  }
}
