import { heifExifRanges } from './heif-exif.js'
import { jpegSegments, segmentStartsWith } from './jpeg-segments.js'
import { pngChunks, updateChunkCrc } from './png-chunks.js'
import { riffChunks } from './riff-chunks.js'
import { removeTiffGps } from './tiff-gps.js'
import { removeXmpGps } from './xmp-gps.js'

const XMP = 'http://ns.adobe.com/xap/1.0/\0'
const XMP_EXTENSION = 'http://ns.adobe.com/xmp/extension/\0'
const PNG_XMP = 'XML:com.adobe.xmp\0'

/** `Exif\0\0` opens the TIFF payload in JPEG APP1 (and, from some writers, in WebP's EXIF chunk). */
const exifStart = (data: Uint8Array, at: number) =>
  data[at] === 0x45 && data[at + 1] === 0x78 && data[at + 2] === 0x69 && data[at + 3] === 0x66 ? at + 6 : at

function jpegLocation(data: Uint8Array): boolean {
  let changed = false
  for (const segment of jpegSegments(data)) {
    if (segment.marker !== 0xe1) continue
    if (segmentStartsWith(data, segment, 'Exif\0\0')) {
      changed = removeTiffGps(data.subarray(segment.dataStart + 6, segment.end)) || changed
    } else if (segmentStartsWith(data, segment, XMP)) {
      changed = removeXmpGps(data, segment.dataStart + XMP.length, segment.end) || changed
    } else if (segmentStartsWith(data, segment, XMP_EXTENSION)) {
      changed = removeXmpGps(data, segment.dataStart + XMP_EXTENSION.length, segment.end) || changed
    }
  }
  return changed
}

function pngLocation(data: Uint8Array): boolean {
  let changed = false
  for (const chunk of pngChunks(data)) {
    let edited = false
    if (chunk.type === 'eXIf') edited = removeTiffGps(data.subarray(chunk.dataStart, chunk.dataEnd))
    // iTXt: keyword, NUL, compression flag (0 = plain text, which is all that can be edited in place)
    const textStart = chunk.dataStart + PNG_XMP.length + 2
    const isXmp = chunk.type === 'iTXt' && data[chunk.dataStart + PNG_XMP.length] === 0
    if (isXmp && startsWith(data, chunk.dataStart, PNG_XMP)) {
      edited = removeXmpGps(data, textStart, chunk.dataEnd)
    }
    if (edited) updateChunkCrc(data, chunk)
    changed ||= edited
  }
  return changed
}

function webpLocation(data: Uint8Array): boolean {
  let changed = false
  for (const chunk of riffChunks(data)) {
    if (chunk.fourcc === 'EXIF') {
      const start = exifStart(data, chunk.dataStart)
      changed = removeTiffGps(data.subarray(start, chunk.dataEnd)) || changed
    } else if (chunk.fourcc === 'XMP ') {
      changed = removeXmpGps(data, chunk.dataStart, chunk.dataEnd) || changed
    }
  }
  return changed
}

function heifLocation(data: Uint8Array): boolean {
  let changed = false
  for (const [start, end] of heifExifRanges(data))
    changed = removeTiffGps(data.subarray(start, end)) || changed
  return changed
}

function startsWith(data: Uint8Array, at: number, text: string): boolean {
  for (let i = 0; i < text.length; i++) if (data[at + i] !== text.charCodeAt(i)) return false
  return true
}

/**
 * Removes GPS location from an image's metadata in place, without touching its pixels: EXIF GPS IFD
 * and XMP GPS properties in JPEG, PNG (`eXIf`, plain `iTXt` XMP), WebP (`EXIF`, `XMP `) and the
 * `Exif` items of HEIF/HEIC/AVIF. The file keeps its length. True when anything was removed;
 * throws when the metadata is malformed (the caller then leaves the file as it was).
 */
export function removeLocation(data: Uint8Array, type: string): boolean {
  if (type === 'image/jpeg') return jpegLocation(data)
  if (type === 'image/png') return pngLocation(data)
  if (type === 'image/webp') return webpLocation(data)
  if (/^image\/(heic|heif|avif)/.test(type)) return heifLocation(data)
  return false
}
