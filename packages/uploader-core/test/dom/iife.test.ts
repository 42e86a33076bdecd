// @vitest-environment node
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Servers, startServers } from '@upkit/test-support'
import { JSDOM } from 'jsdom'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Uploader } from '../../src/types.js'

const packageDir = fileURLToPath(new URL('../../', import.meta.url))
const outDir = mkdtempSync(join(tmpdir(), 'upkit-iife-'))

interface UpkitGlobal {
  mount(element: Element, options: Record<string, unknown>): { uploader: Uploader; unmount(): void }
  createUploader(options: Record<string, unknown>): Uploader
  locales: Record<string, Record<string, string>>
}

let code = ''
let imagesCode = ''

/** A fresh page that ran `upkit.iife.js` the way a `<script>` tag would. */
function page() {
  const dom = new JSDOM('<!doctype html><div id="upload"></div>', {
    url: 'http://localhost:3000/script.html',
    runScripts: 'outside-only',
  })
  dom.window.eval(code)
  const Upkit = (dom.window as unknown as { Upkit: UpkitGlobal }).Upkit
  return { dom, window: dom.window, Upkit, host: dom.window.document.getElementById('upload') as HTMLElement }
}

beforeAll(() => {
  // Always check the real artifact: build it with the package's own config.
  execFileSync(
    'pnpm',
    ['exec', 'vite', 'build', '-c', 'vite.iife.config.ts', '--outDir', outDir, '--logLevel', 'warn'],
    {
      cwd: packageDir,
      env: { ...process.env, COREPACK_INTEGRITY_KEYS: '0' },
      stdio: 'pipe',
    },
  )
  execFileSync(
    'pnpm',
    [
      'exec',
      'vite',
      'build',
      '-c',
      'vite.iife.config.ts',
      '--mode',
      'images',
      '--outDir',
      outDir,
      '--logLevel',
      'warn',
    ],
    { cwd: packageDir, env: { ...process.env, COREPACK_INTEGRITY_KEYS: '0' }, stdio: 'pipe' },
  )
  code = readFileSync(join(outDir, 'upkit.iife.js'), 'utf8')
  imagesCode = readFileSync(join(outDir, 'upkit-images.iife.js'), 'utf8')
}, 120_000)

afterAll(() => rmSync(outDir, { recursive: true, force: true }))

describe('dist/upkit.iife.js', () => {
  it('defines window.Upkit with mount, createUploader and the locales', () => {
    expect(code.startsWith('var Upkit=')).toBe(true)
    expect(code).not.toMatch(/process\.env/)
    const { Upkit } = page()
    expect(typeof Upkit.mount).toBe('function')
    expect(typeof Upkit.createUploader).toBe('function')
    expect(Object.keys(Upkit.locales).sort()).toEqual(['de', 'en', 'fr'])
    expect(Upkit.locales.de?.retry).toBeTypeOf('string')
  })

  it('Upkit.prepareImages loads upkit-images.iife.js from next to the script only when a file needs it', async () => {
    const { Upkit, window } = page()
    const preprocess = (
      Upkit as unknown as { prepareImages: () => { detectType: (b: Blob) => Promise<unknown> } }
    ).prepareImages()
    expect(window.document.querySelector('script')).toBeNull() // nothing fetched yet
    // a HEIC file's first bytes: a 'ftyp' box with the 'heic' brand
    const heic = new window.Blob([
      new Uint8Array([0, 0, 0, 24, 102, 116, 121, 112, 104, 101, 105, 99, 0, 0, 0, 0]),
    ])
    const detected = preprocess.detectType(heic)
    const script = window.document.querySelector('script') as HTMLScriptElement
    expect(script.src).toBe('http://localhost:3000/upkit-images.iife.js')
    window.eval(imagesCode) // what the browser does with the fetched script
    script.onload?.(new window.Event('load'))
    await expect(detected).resolves.toBe('image/heic')
  })

  it('mount draws the drop zone, in the chosen locale', () => {
    const { Upkit, host, window } = page()
    const { unmount } = Upkit.mount(host, {
      publicKey: 'public_x',
      auth: '/api/imagekit/auth',
      locale: Upkit.locales.de,
    })
    const zone = host.querySelector('.upkit.upkit--styled > .upkit-dropzone') as HTMLElement
    expect(zone.getAttribute('role')).toBe('button')
    expect(zone.tabIndex).toBe(0)
    expect(host.querySelector('.upkit-dropzone-title')?.textContent).toContain(Upkit.locales.de?.browse)
    expect(host.querySelector('input[type=file].upkit-input')).not.toBeNull()
    expect(host.querySelector('[role=status][aria-live=polite]')).not.toBeNull()
    unmount()
    expect(host.childNodes).toHaveLength(0)
    window.close()
  })

  it('Upkit.mount checks its options at the door: coded errors naming the option, a warning for a misspelling', () => {
    const { Upkit, host, window } = page()
    const refusal = (target: unknown, options: Record<string, unknown>) => {
      try {
        Upkit.mount(target as Element, options)
      } catch (error) {
        return error as { name: string; code: string; message: string }
      }
      throw new Error('Upkit.mount did not throw')
    }
    expect(refusal(host, { publicKey: 'public_x' })).toMatchObject({
      name: 'UploadError',
      code: 'INVALID_OPTIONS',
      message: expect.stringMatching(/^Upkit\.mount: the "auth" option is missing; pass your signing route/),
    })
    expect(refusal(host, { auth: 42 }).message).toMatch(/^Upkit\.mount: option "auth" is 42; pass a URL/)
    expect(refusal(host, { auth: '/a', theme: 'blue' }).message).toMatch(
      /option "theme" is string; pass 'light' or 'dark'/,
    )
    expect(refusal('#missing', { auth: '/a' }).message).toMatch(/no element matches "#missing"/)
    const warn = vi.spyOn(window.console, 'warn').mockImplementation(() => {})
    Upkit.mount('#upload' as unknown as Element, { auth: '/a', concurency: 2 }).unmount()
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      '[upkit] Upkit.mount: unknown option "concurency" is ignored; did you mean "concurrency"?',
    ])
    window.close()
  })

  it('the module build imports on a server without touching browser globals', async () => {
    expect(typeof window).toBe('undefined')
    const dom = await import('../../src/dom/index.js')
    expect(typeof dom.mount).toBe('function')
  })

  it('ships the shared stylesheet as upkit.css', () => {
    const css = readFileSync(join(outDir, 'upkit.css'), 'utf8')
    expect(css).toBe(readFileSync(join(packageDir, 'src/styles.css'), 'utf8'))
    expect(css).toContain('.upkit--styled')
  })

  describe('against the emulator', () => {
    let servers: Servers
    beforeAll(async () => {
      servers = await startServers()
    })
    afterAll(() => servers.stop(), 30_000)

    it('uploads a chosen file from a plain page', async () => {
      const { Upkit, host, window } = page()
      const { uploader, unmount } = Upkit.mount(host, {
        publicKey: servers.publicKey,
        auth: servers.authUrl,
        uploadEndpoint: servers.emulator.uploadUrl,
        // jsdom has no fetch of its own: the page's signing calls go through Node's.
        fetch: globalThis.fetch,
      })
      const input = host.querySelector('input.upkit-input') as HTMLInputElement
      const file = new window.File([new Uint8Array(1000)], 'from-script.png', { type: 'image/png' })
      Object.defineProperty(input, 'files', { value: [file] })
      input.dispatchEvent(new window.Event('change', { bubbles: true }))
      await expect
        .poll(() => host.querySelector('li.upkit-file')?.getAttribute('data-status'), { timeout: 10_000 })
        .toBe('success')
      expect(uploader.getSnapshot().counts.success).toBe(1)
      const stored = await servers.emulator.files()
      expect(stored.map((f) => f.name)).toEqual([expect.stringMatching(/^from-script/)])
      unmount()
      window.close()
    }, 20_000)
  })
})
