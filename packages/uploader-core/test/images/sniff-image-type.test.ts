// @vitest-environment node
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { sniffImageType } from '../../src/images/index.js'
import { exifTiff, heicWithExif, photoJpeg } from './fixtures.js'

const blob = (bytes: Buffer | string, type = '') =>
  new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type })
const tiny = sharp({ create: { width: 4, height: 4, channels: 4, background: '#f008' } })

describe('sniffImageType', () => {
  it('knows JPEG, PNG, GIF, WebP, AVIF and TIFF by their bytes, whatever the reported type', async () => {
    expect(await sniffImageType(blob(await photoJpeg({ width: 8, height: 8 }), 'text/plain'))).toBe(
      'image/jpeg',
    )
    expect(await sniffImageType(blob(await tiny.clone().png().toBuffer()))).toBe('image/png')
    expect(await sniffImageType(blob(await tiny.clone().gif().toBuffer()))).toBe('image/gif')
    expect(await sniffImageType(blob(await tiny.clone().webp().toBuffer()))).toBe('image/webp')
    expect(await sniffImageType(blob(await tiny.clone().avif().toBuffer()))).toBe('image/avif')
    expect(await sniffImageType(blob(await tiny.clone().tiff().toBuffer()))).toBe('image/tiff')
  })

  it('knows HEIC by its ftyp brands: major heic, or a generic major brand with heic among the compatible ones', async () => {
    const tiff = exifTiff()
    expect(await sniffImageType(blob(heicWithExif(tiff)))).toBe('image/heic')
    expect(await sniffImageType(blob(heicWithExif(tiff, ['mif1', 'mif1', 'heic'])))).toBe('image/heic')
    expect(await sniffImageType(blob(heicWithExif(tiff, ['heix', 'mif1'])))).toBe('image/heic')
    expect(await sniffImageType(blob(heicWithExif(tiff, ['mif1', 'miaf'])))).toBe('image/heif')
    expect(await sniffImageType(blob(heicWithExif(tiff, ['msf1', 'hevc'])))).toBe('image/heic-sequence')
    expect(await sniffImageType(blob(heicWithExif(tiff, ['avif', 'mif1', 'miaf'])))).toBe('image/avif')
    // an MP4 video has an ftyp box too, with other brands
    expect(await sniffImageType(blob(heicWithExif(tiff, ['isom', 'iso2', 'mp41'])))).toBeNull()
  })

  it('knows SVG behind a BOM, an XML declaration, comments and a doctype', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>'
    expect(await sniffImageType(blob(svg))).toBe('image/svg+xml')
    const wrapped = `\uFEFF<?xml version="1.0"?>\n<!-- made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${svg}`
    expect(await sniffImageType(blob(wrapped))).toBe('image/svg+xml')
    expect(await sniffImageType(blob('<html><svg></svg></html>'))).toBeNull()
  })

  it('answers null for other files, empty ones and ones shorter than any signature', async () => {
    expect(await sniffImageType(blob('just some text, no image'))).toBeNull()
    expect(await sniffImageType(blob(''))).toBeNull()
    expect(await sniffImageType(blob(Buffer.from([0xff, 0xd8])))).toBeNull()
    expect(await sniffImageType(blob(Buffer.from('0000ftyp', 'latin1')))).toBeNull()
  })
})
