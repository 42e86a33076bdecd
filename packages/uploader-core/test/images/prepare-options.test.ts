// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { prepareImages } from '../../src/images/index.js'
import { type PrepareImagesOptions, resolvePrepareOptions } from '../../src/images/prepare-options.js'
import { isUploadError } from '../../src/upload-error.js'

afterEach(() => vi.restoreAllMocks())

describe('prepareImages options', () => {
  it('fills in the documented defaults', () => {
    expect(resolvePrepareOptions({})).toEqual({
      maxWidth: 2560,
      maxHeight: 2560,
      quality: 0.82,
      type: 'auto',
      removeLocation: true,
      keepColorProfile: true,
      onError: 'original',
    })
    // undefined means the default (plain JavaScript callers pass it)
    const unset = { maxWidth: 1024, quality: undefined } as unknown as PrepareImagesOptions
    expect(resolvePrepareOptions(unset)).toMatchObject({ maxWidth: 1024, quality: 0.82 })
  })

  it('throws INVALID_OPTIONS naming the option and what to pass', () => {
    const thrown = (options: unknown) => {
      try {
        prepareImages(options as never)
      } catch (error) {
        expect(isUploadError(error) && error.code).toBe('INVALID_OPTIONS')
        return (error as Error).message
      }
      throw new Error('did not throw')
    }
    expect(thrown({ quality: 2 })).toBe(
      'prepareImages: option "quality" is 2; pass a number between 0 and 1.',
    )
    expect(thrown({ maxWidth: 0 })).toBe(
      'prepareImages: option "maxWidth" is 0; pass a whole number of pixels ≥ 1.',
    )
    expect(thrown({ maxHeight: 10.5 })).toMatch(/"maxHeight" is 10.5/)
    expect(thrown({ type: 'image/gif' })).toBe(
      'prepareImages: option "type" is "image/gif"; pass one of "auto", "image/jpeg", "image/webp", "image/png".',
    )
    expect(thrown({ removeLocation: 'yes' })).toMatch(/"removeLocation" is "yes"; pass true or false/)
    expect(thrown({ onError: 'skip' })).toMatch(/pass one of "original", "throw"/)
    expect(thrown(null)).toMatch(/pass an options object/)
  })

  it('warns about an unknown option and goes on', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(typeof prepareImages({ maxWidht: 100 } as never)).toBe('function')
    expect(warn).toHaveBeenCalledWith(
      '[upkit] prepareImages: unknown option "maxWidht" is ignored; check its spelling.',
    )
  })
})
