// @vitest-environment node
import { expect, it } from 'vitest'

it('imports and creates an uploader in plain Node without touching browser globals', async () => {
  const g = globalThis as Record<string, unknown>
  expect(g.window).toBeUndefined()
  expect(g.document).toBeUndefined()
  const touched: string[] = []
  for (const name of ['window', 'document', 'XMLHttpRequest', 'localStorage']) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name)
        return undefined
      },
    })
  }
  try {
    const core = await import('../src/index.js')
    const uploader = core.createUploader({ publicKey: 'pk', auth: '/api/imagekit/auth' })
    const snapshot = uploader.getSnapshot()
    expect(snapshot).toMatchObject({ files: [], isUploading: false, online: true })
    expect(uploader.getSnapshot()).toBe(snapshot)
    uploader.destroy()
    expect(touched.filter((name) => name !== 'window')).toEqual([])
  } finally {
    for (const name of ['window', 'document', 'XMLHttpRequest', 'localStorage']) delete g[name]
  }
})
