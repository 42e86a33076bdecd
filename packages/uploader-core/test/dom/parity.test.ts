import { resolve } from 'node:path'
import { dispatchWith, FakeUploader, fakeFile, transferOf } from '@upkit/test-support'
import { act, createElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '../../src/dom/index.js'
import { de } from '../../src/locales/de.js'
import type { FileState } from '../../src/types.js'
import { UploadError } from '../../src/upload-error.js'
import { startView } from '../../src/view/index.js'
import { installObjectUrls } from './object-urls.js'

// The React widget is loaded by path at run time, so this package's type check does not depend on it.
const reactWidget = resolve(import.meta.dirname, '../../../react-uploader/src/index.ts')
type ReactUploader = (props: Record<string, unknown>) => unknown

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

/** Markup with attributes sorted and per-widget ids and object URLs blanked. */
function canonical(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.textContent)
  if (node.nodeType !== Node.ELEMENT_NODE) return `#${node.nodeType}`
  const element = node as Element
  const attributes = Array.from(element.attributes, ({ name, value }) => {
    const blank = ['id', 'aria-describedby', 'for'].includes(name)
      ? value.replace(/^.*-(hint|url|url-error)$/, 'X-$1')
      : value
    return `${name}=${JSON.stringify(blank.replace(/^blob:.*/, 'blob:'))}`
  }).sort()
  const children = Array.from(element.childNodes, canonical)
  return `<${element.tagName.toLowerCase()} ${attributes.join(' ')}>\n${children.join('\n')}\n</>`
}

const files: FileState[] = [
  fakeFile('a', 'uploading', { percent: 50, bytesUploaded: 1024 }),
  fakeFile('b', 'error', {
    error: { code: 'SERVER_ERROR', message: 'Oops.', retryable: true, requestId: 'r1' },
  }),
  fakeFile('c', 'retrying', {
    nextRetryAt: Date.now() + 5000,
    type: 'application/pdf',
    retryReason: 'network',
  }),
  fakeFile('d', 'success', {
    name: '<b>bold</b>.png',
    percent: 100,
    result: {
      fileId: 'd1',
      name: 'd.png',
      filePath: '/d.png',
      url: 'https://ik.imagekit.io/demo/d.png',
      size: 2048,
    },
  }),
  fakeFile('e', 'cancelled', { percent: 80 }),
]

let urls: ReturnType<typeof installObjectUrls>
let root: Root | undefined
beforeEach(() => {
  urls = installObjectUrls()
})
afterEach(() => {
  root?.unmount()
  document.body.replaceChildren()
  urls.restore()
})

/** Renders React's `<Uploader>` and `mount()` on the same state, returns both hosts. */
async function renderBoth(props: Record<string, unknown>, setup: (fake: FakeUploader) => void) {
  const { Uploader } = (await import(/* @vite-ignore */ reactWidget)) as { Uploader: ReactUploader }
  const hosts = [document.createElement('div'), document.createElement('div')] as const
  document.body.append(...hosts)
  const fakes = [new FakeUploader(), new FakeUploader()] as const
  root = createRoot(hosts[0])
  await act(async () => root?.render(createElement(Uploader as never, { ...props, uploader: fakes[0] })))
  mount(hosts[1], { ...props, uploader: fakes[1] })
  for (const fake of fakes) await act(async () => setup(fake))
  return { react: hosts[0], dom: hosts[1] }
}

describe('the same markup as the React <Uploader>', () => {
  it('file rows, total, actions and live region', async () => {
    const { react, dom } = await renderBoth({}, (fake) => {
      fake.setFiles(files)
    })
    expect(canonical(dom)).toBe(canonical(react))
  })

  it('a long list: the same window of rows, padding and positions, at the top and scrolled', async () => {
    const long = Array.from({ length: 10_000 }, (_, i) => fakeFile(`f${i}`, i % 3 ? 'queued' : 'success'))
    const { react, dom } = await renderBoth({}, (fake) => {
      fake.setFiles(long)
    })
    expect(canonical(dom)).toBe(canonical(react))
    for (const host of [react, dom]) {
      const list = host.querySelector('ul.upkit-files') as HTMLElement
      Object.defineProperty(list, 'clientHeight', { value: 400, configurable: true })
      Object.defineProperty(list, 'scrollTop', { value: 5_000 * startView.row, configurable: true })
      await act(async () => {
        list.dispatchEvent(new Event('scroll'))
      })
    }
    expect(dom.querySelector('[aria-posinset="5000"]')).not.toBeNull()
    expect(canonical(dom)).toBe(canonical(react))
  })

  it('restriction messages, in German, unstyled, with a class and theme', async () => {
    const props = { locale: de, unstyled: true, className: 'mine', theme: 'dark' }
    const { react, dom } = await renderBoth(props, (fake) => {
      const error = new UploadError('FILE_TOO_LARGE', '„x.mov“ ist zu groß.')
      fake.emit('file-rejected', { name: 'x.mov', data: new Blob(['x']), error })
      fake.setFiles(files.slice(0, 2))
    })
    expect(canonical(dom)).toBe(canonical(react))
  })

  it('the drag-over state and a disabled drop zone', async () => {
    const { react, dom } = await renderBoth({ disabled: false, multiple: false, accept: 'image/*' }, () => {})
    for (const host of [react, dom]) {
      await act(async () => {
        dispatchWith(
          host.querySelector('.upkit-dropzone') as Element,
          'dragenter',
          'dataTransfer',
          transferOf([]),
        )
      })
    }
    expect(canonical(dom)).toBe(canonical(react))
    root?.unmount()
    root = undefined
    document.body.replaceChildren()
    const disabled = await renderBoth({ disabled: true, capture: 'user' }, () => {})
    expect(canonical(disabled.dom)).toBe(canonical(disabled.react))
  })

  it('"Add from a link", with a refused link and a link’s row', async () => {
    const link = { url: 'https://example.com/cat.jpg', name: 'cat.jpg', type: 'image/jpeg', size: 0 }
    const { react, dom } = await renderBoth({ allowUrls: true }, (fake) => {
      fake.setFiles([fakeFile('a', 'uploading', { ...link, data: new Blob([]) })])
      fake.addUrl.mockRejectedValueOnce(new UploadError('INVALID_URL', 'Enter a full web address.'))
    })
    for (const host of [react, dom]) {
      await act(async () => {
        host.querySelector('form')?.requestSubmit()
        await new Promise((resolve) => setTimeout(resolve, 0))
      })
    }
    expect(dom.querySelector('.upkit-link-error')?.textContent).toBe('Enter a full web address.')
    expect(canonical(dom)).toBe(canonical(react))
  })
})
