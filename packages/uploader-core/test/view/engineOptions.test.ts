import { describe, expect, it } from 'vitest'
import { de } from '../../src/locales/de.js'
import { en } from '../../src/locales/en.js'
import { engineOptionsFrom, resolveLocale } from '../../src/view/index.js'

describe('resolveLocale', () => {
  it('defaults to English, with English number formatting', () => {
    const locale = resolveLocale(undefined, undefined, undefined)
    expect(locale.engine).toBe(en)
    expect(locale.view.browse).toBe(en.browse)
    expect(locale.intl).toBe('en')
  })

  it('puts single overrides over a given locale and leaves number formatting to the browser', () => {
    const locale = resolveLocale(de, { browse: 'Suchen' }, undefined)
    expect(locale.engine).toBe(de)
    expect(locale.view.browse).toBe('Suchen')
    expect(locale.view.cancel).toBe(de.cancel)
    expect(locale.intl).toBeUndefined()
    expect(resolveLocale(de, undefined, 'de-CH').intl).toBe('de-CH')
  })
})

describe('engineOptionsFrom', () => {
  it('keeps engine options, drops widget ones and undefined values, uploads on add by default', () => {
    const onSuccess = () => {}
    const locale = resolveLocale(de, { browse: 'Suchen' }, undefined)
    // React props and plain objects may carry `undefined` for options left out.
    const given = {
      publicKey: 'public_x',
      auth: '/api/imagekit/auth',
      concurrency: undefined,
      className: 'mine',
      multiple: false,
      messages: { browse: 'Suchen' },
      onSuccess,
    } as unknown as Parameters<typeof engineOptionsFrom>[0]
    const options = engineOptionsFrom(given, locale)
    expect(options).toEqual({
      autoUpload: true,
      publicKey: 'public_x',
      auth: '/api/imagekit/auth',
      locale: de,
      messages: { browse: 'Suchen' },
    })
  })

  it('lets an explicit autoUpload through', () => {
    const options = engineOptionsFrom(
      { publicKey: 'public_x', auth: '/auth', autoUpload: false },
      resolveLocale(undefined, undefined, undefined),
    )
    expect(options).toMatchObject({ autoUpload: false, locale: en })
    expect(options).not.toHaveProperty('messages')
  })
})
