import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import type { EmbeddedMetadata } from './embedded-metadata.js'
import type { MediaInfo } from './media-info.js'
import { perceptualHash } from './phash.js'
import { loadSharp } from './thumbnail.js'

/** What the emulator reads from an image's bytes; everything else about it derives from these. */
export interface ImageFacts {
  /** sha256 of the bytes: the seed of every "AI" answer, so equal bytes answer equally. */
  digest: string
  width: number
  height: number
  format: string
  shape: 'square' | 'landscape' | 'portrait'
  /** Formats drawn rather than photographed (png, gif, svg, bmp, ico). */
  graphic: boolean
  /** The dominant colour's name (sharp `stats().dominant`); undefined without sharp. */
  colour: string | undefined
  hasTransparency: boolean
  hasColorProfile: boolean
  /** DPI from the file (sharp `metadata().density`); undefined when it names none. */
  density: number | undefined
  /** DCT pHash; undefined without sharp (or when sharp cannot decode the file). */
  pHash: string | undefined
}

const GRAPHIC = new Set(['png', 'gif', 'svg', 'bmp', 'ico'])

function digestOf(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject)
  })
}

/** A plain colour word for an sRGB triple: greys by lightness, the rest by hue. */
export function colourName(r: number, g: number, b: number): string {
  const max = Math.max(r, g, b)
  const min = Math.min(r, g, b)
  const lightness = (max + min) / 510
  if (max - min < 24) return lightness > 0.85 ? 'White' : lightness < 0.15 ? 'Black' : 'Grey'
  const d = max - min
  const h = max === r ? ((g - b) / d + 6) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4
  const hue = h * 60
  if (hue < 15 || hue >= 330) return lightness < 0.35 ? 'Maroon' : 'Red'
  if (hue < 45) return lightness < 0.4 ? 'Brown' : 'Orange'
  if (hue < 70) return 'Yellow'
  if (hue < 160) return 'Green'
  if (hue < 200) return 'Cyan'
  if (hue < 260) return 'Blue'
  if (hue < 290) return 'Purple'
  return 'Pink'
}

interface PixelFacts {
  colour: string | undefined
  hasTransparency: boolean
  hasColorProfile: boolean
  density: number | undefined
  pHash: string | undefined
}

const NO_PIXELS: PixelFacts = {
  colour: undefined,
  hasTransparency: false,
  hasColorProfile: false,
  density: undefined,
  pHash: undefined,
}

/** What only decoding the pixels tells (sharp is optional: without it, these stay unknown). */
async function pixelFacts(path: string): Promise<PixelFacts> {
  const module = await loadSharp()
  if (!module) return NO_PIXELS
  try {
    const image = module.default(path)
    const [meta, stats, pHash] = await Promise.all([image.metadata(), image.stats(), perceptualHash(image)])
    const { r, g, b } = stats.dominant
    return {
      colour: colourName(r, g, b),
      hasTransparency: meta.hasAlpha && !stats.isOpaque,
      hasColorProfile: meta.hasProfile === true,
      density: meta.density,
      pHash,
    }
  } catch {
    return NO_PIXELS
  }
}

/** Facts of a stored image (`media.fileType === 'image'`); undefined for anything else. */
export async function imageFacts(path: string, media: MediaInfo): Promise<ImageFacts | undefined> {
  if (media.fileType !== 'image' || media.width === null || media.height === null) return undefined
  const [digest, pixels] = await Promise.all([digestOf(path), pixelFacts(path)])
  const { width, height } = media
  const shape = width === height ? 'square' : width > height ? 'landscape' : 'portrait'
  return { digest, width, height, format: media.format, shape, graphic: GRAPHIC.has(media.format), ...pixels }
}

/**
 * OAS `Metadata` of an image (`responseFields=metadata`, GET /v1/files/{id}/metadata), from its
 * bytes. `quality` is 0 as in every real answer seen (OAS examples `ImageMetadata` and
 * `UploadResponseWithEmbeddedMetadata`, the imagekit-ruby README capture: JPEGs, all `quality: 0`);
 * `density` falls back to 72 like those examples.
 */
export function imageMetadata(
  facts: ImageFacts,
  size: number,
  embedded: EmbeddedMetadata,
): Record<string, unknown> {
  const metadata: Record<string, unknown> = {
    height: facts.height,
    width: facts.width,
    size,
    format: facts.format,
    hasColorProfile: facts.hasColorProfile,
    quality: 0,
    density: Math.round(facts.density ?? 72),
    hasTransparency: facts.hasTransparency,
    exif: embedded.exif,
  }
  if (facts.pHash) metadata.pHash = facts.pHash
  return metadata
}
