import { FakeUploader } from '@upkit/test-support'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount } from '../../src/dom/index.js'
import type { MountOptions } from '../../src/dom/options.js'
import { isUploadError, type UploadError } from '../../src/upload-error.js'

let host: HTMLElement

beforeEach(() => {
  host = document.createElement('div')
  host.id = 'upload'
  document.body.append(host)
})

afterEach(() => {
  host.remove()
  vi.restoreAllMocks()
})

/** The error `mount` threw (it must be an UploadError: one error type for the developer to handle). */
function refusal(target: unknown, options: unknown): UploadError {
  try {
    mount(target as Element, options as MountOptions)
  } catch (error) {
    if (isUploadError(error)) return error
    throw error
  }
  throw new Error('mount did not throw')
}

describe('mount checks its options at the door', () => {
  it('refuses a missing auth with what to pass, under its own name', () => {
    const error = refusal(host, { publicKey: 'public_x' })
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toBe(
      'Upkit.mount: the "auth" option is missing; pass your signing route, e.g. auth: "/api/imagekit/auth".',
    )
  })

  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['auth as a number', { auth: 42 }, 'option "auth" is 42; pass a URL, { url, method? }, or a function.'],
    ['auth without its url', { auth: { method: 'POST' } }, 'option "auth" is object; pass a URL'],
    ['theme as a number', { theme: 5 }, `option "theme" is 5; pass 'light' or 'dark'.`],
    ['theme misspelt', { theme: 'darkk' }, `option "theme" is string; pass 'light' or 'dark'.`],
    [
      'warnBeforeUnload as a string',
      { warnBeforeUnload: 'no' },
      'option "warnBeforeUnload" is string; pass true or false.',
    ],
    ['multiple as 1', { multiple: 1 }, 'option "multiple" is 1; pass true or false.'],
    ['locale as a tag', { locale: 'de' }, 'option "locale" is string; pass an object.'],
    ['messages as null', { messages: null }, 'option "messages" is null; pass an object.'],
    [
      'intlLocale that is no tag',
      { intlLocale: 'not a tag' },
      'option "intlLocale" is string; pass a BCP 47 tag',
    ],
    [
      'capture as "front"',
      { capture: 'front' },
      `option "capture" is string; pass true, 'user' or 'environment'.`,
    ],
    ['onSuccess not a function', { onSuccess: 'done' }, 'option "onSuccess" is string; pass a function.'],
    [
      'a restriction of the wrong type',
      { restrictions: { maxFileSize: '25MB' } },
      'option "restrictions.maxFileSize" is string',
    ],
  ]
  for (const [what, override, message] of cases) {
    it(`refuses ${what} with INVALID_OPTIONS naming the option`, () => {
      const error = refusal(host, { auth: '/api/imagekit/auth', ...override })
      expect(error.code).toBe('INVALID_OPTIONS')
      expect(error.message).toContain(`Upkit.mount: ${message}`)
    })
  }

  it('refuses an http upload address other than loopback, naming the option', () => {
    const error = refusal(host, {
      auth: '/auth',
      uploadEndpoint: 'http://upload.example.com/api/v1/files/upload',
    })
    expect(error.code).toBe('INSECURE_ENDPOINT')
    expect(error.message).toMatch(/http:\/\/upload\.example\.com\/api\/v1\/files\/upload is not one/)
    expect(error.message).toContain('Upkit.mount: option "uploadEndpoint"')
    expect(refusal(host, { auth: 'http://app.example/auth' }).message).toContain('option "auth"')
  })

  it('refuses options that are not an object', () => {
    expect(refusal(host, undefined).message).toBe(
      "Upkit.mount: options is undefined; pass an object such as { auth: '/api/imagekit/auth' }.",
    )
  })

  it('leaves the element (and a widget already there) alone when it refuses', () => {
    const first = mount(host, { uploader: new FakeUploader() })
    const before = host.firstElementChild
    expect(() => mount(host, { auth: 42 } as unknown as MountOptions)).toThrow(/"auth" is 42/)
    expect(host.firstElementChild).toBe(before)
    first.unmount()
  })

  it('takes no publicKey: the signing route answers with it', () => {
    const { unmount } = mount(host, { auth: '/api/imagekit/auth' })
    expect(host.querySelector('.upkit-dropzone')).not.toBeNull()
    unmount()
  })
})

describe('mount target', () => {
  it('refuses a selector that matches nothing, saying when to mount', () => {
    const error = refusal('#nowhere', { auth: '/auth' })
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(
      /^Upkit\.mount: no element matches "#nowhere"; create it before calling mount/,
    )
  })

  it('refuses a selector that is not CSS', () => {
    expect(refusal('#', { auth: '/auth' }).message).toMatch(/"#" is not a valid CSS selector/)
  })

  it('refuses what is not an element: null, a plain object, the document', () => {
    for (const [target, shown] of [
      [null, 'null'],
      [{ ownerDocument: {} }, 'object'],
      [document, 'object'],
    ] as const) {
      expect(refusal(target, { auth: '/auth' }).message).toBe(
        `Upkit.mount: the target is ${shown}; pass a DOM element or a CSS selector such as "#upload".`,
      )
    }
  })
})

describe('unknown option names', () => {
  const warnings = () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    return () => warn.mock.calls.map((call) => String(call[0]))
  }

  it('warn once, naming the close match among engine and nested options', () => {
    const warned = warnings()
    mount(host, { auth: '/auth', maxFileSize: 1000 } as MountOptions).unmount()
    mount(host, { auth: '/auth', maxFileSize: 1000 } as MountOptions).unmount()
    expect(warned()).toEqual([
      '[upkit] Upkit.mount: unknown option "maxFileSize" is ignored; did you mean "restrictions.maxFileSize"?',
    ])
  })

  it('name widget options as close matches too, whatever the case', () => {
    const warned = warnings()
    mount(host, { auth: '/auth', them: 'dark', PasteOnDocument: true } as MountOptions).unmount()
    expect(warned()).toEqual([
      '[upkit] Upkit.mount: unknown option "them" is ignored; did you mean "theme"?',
      '[upkit] Upkit.mount: unknown option "PasteOnDocument" is ignored; did you mean "pasteOnDocument"?',
    ])
  })

  it('inside restrictions, are matched against the restrictions', () => {
    const warned = warnings()
    mount(host, { auth: '/auth', restrictions: { maxFileSise: 5 } } as MountOptions).unmount()
    expect(warned()).toEqual([
      '[upkit] createUploader: unknown option "restrictions.maxFileSise" is ignored; did you mean "restrictions.maxFileSize"?',
    ])
  })

  it('say "check its spelling" when nothing is close', () => {
    const warned = warnings()
    mount(host, { auth: '/auth', colour: 'red' } as MountOptions).unmount()
    expect(warned()).toEqual(['[upkit] Upkit.mount: unknown option "colour" is ignored; check its spelling.'])
  })
})
