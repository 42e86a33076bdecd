// @vitest-environment node
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Uploader } from '../src/index.js'

describe('server rendering', () => {
  it('renders the widget without browser globals and without creating an engine', () => {
    expect(typeof window).toBe('undefined')
    expect(typeof document).toBe('undefined')
    const html = renderToString(<Uploader publicKey="public_x" auth="/api/imagekit/auth" />)
    expect(html).toContain('class="upkit upkit--styled"')
    expect(html).toContain('upkit-dropzone')
    expect(html).toContain('role="status"')
  })

  it('keeps "use client" at the top of every module', async () => {
    const { readdir, readFile } = await import('node:fs/promises')
    const dir = new URL('../src/', import.meta.url)
    const files = (await readdir(dir)).filter((f) => /\.tsx?$/.test(f))
    expect(files.length).toBeGreaterThan(5)
    for (const file of files) {
      const text = await readFile(new URL(file, dir), 'utf8')
      expect(text.startsWith("'use client'"), file).toBe(true)
    }
  })
})
