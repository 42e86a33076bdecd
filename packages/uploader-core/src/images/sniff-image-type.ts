import { latin1 } from './bytes.js'

/** `ftyp` brands that name the coding (HEVC or AV1); a generic HEIF brand only counts when none of these is there. */
const CODING_BRANDS: Record<string, string> = {
  heic: 'image/heic',
  heix: 'image/heic',
  heim: 'image/heic',
  heis: 'image/heic',
  hevc: 'image/heic-sequence',
  hevx: 'image/heic-sequence',
  avif: 'image/avif',
  avis: 'image/avif',
}
const GENERIC_BRANDS: Record<string, string> = {
  mif1: 'image/heif',
  heif: 'image/heif',
  msf1: 'image/heif-sequence',
}

/** How many leading bytes the sniffer reads (an SVG may open with a long comment or doctype). */
export const SNIFF_BYTES = 4096

/**
 * The image type a file's first bytes show, whatever its name or reported MIME type says:
 * `image/jpeg`, `image/png`, `image/gif`, `image/webp`, `image/avif`, `image/heic`, `image/heif`
 * (and their `-sequence` forms), `image/bmp`, `image/tiff`, `image/svg+xml`; `null` for anything else.
 * Use it for type checks before a file reaches `prepareImages` (phones often send HEIC with no type).
 */
export async function sniffImageType(blob: Blob): Promise<string | null> {
  return sniffBytes(new Uint8Array(await blob.slice(0, SNIFF_BYTES).arrayBuffer()))
}

/** {@link sniffImageType} on bytes already read. */
export function sniffBytes(head: Uint8Array): string | null {
  const text = latin1(head, 0, Math.min(head.length, 16))
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg'
  if (text.startsWith('\x89PNG\r\n\x1a\n')) return 'image/png'
  if (text.startsWith('GIF87a') || text.startsWith('GIF89a')) return 'image/gif'
  if (text.startsWith('RIFF') && text.slice(8, 12) === 'WEBP') return 'image/webp'
  if (text.startsWith('BM') && head.length >= 26) return 'image/bmp'
  if (text.startsWith('II*\0') || text.startsWith('MM\0*')) return 'image/tiff'
  if (text.slice(4, 8) === 'ftyp') return ftypType(head)
  return looksLikeSvg(head) ? 'image/svg+xml' : null
}

function ftypType(head: Uint8Array): string | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength)
  const size = Math.min(head.length >= 4 ? view.getUint32(0) : 0, head.length)
  const major = latin1(head, 8, 12)
  const compatible: string[] = []
  for (let at = 16; at + 4 <= size; at += 4) compatible.push(latin1(head, at, at + 4))
  // the major brand first, then the compatible ones (iPhones: major `heic`; some encoders: major `mif1`, then `heic`)
  const coding = CODING_BRANDS[major] ?? compatible.map((brand) => CODING_BRANDS[brand]).find(Boolean)
  return (
    coding ?? GENERIC_BRANDS[major] ?? compatible.map((brand) => GENERIC_BRANDS[brand]).find(Boolean) ?? null
  )
}

function looksLikeSvg(head: Uint8Array): boolean {
  // strip a BOM, the XML declaration, comments and a doctype; what is left must open an <svg> element
  const text = latin1(head)
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/^(\s*<!--[\s\S]*?-->)+/, '')
    .replace(/^\s*<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/i, '')
    .replace(/^(\s*<!--[\s\S]*?-->)+/, '')
  return /^\s*<svg[\s>]/i.test(text)
}
