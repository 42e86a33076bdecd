import type { ImageFacts } from './image-facts.js'
import type { PrepareSettings } from './prepare-options.js'
import type { RenderPlan } from './render-image.js'

/** iOS Safari's canvas limit (16.7 MP): past it a canvas stays blank, so no step is larger. */
export const MAX_CANVAS_PIXELS = 16_777_216

/** The types `prepareImages` decodes; every other file (SVG, BMP, TIFF, non-images) passes through. */
export const PREPARABLE = new Set([
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/heif',
])

const JPEG = 'image/jpeg'
const PNG = 'image/png'
const WEBP = 'image/webp'

/** Output candidates for `type: 'auto'`: [opaque, with transparency]. */
function autoTypes(type: string): [string[], string[]] {
  if (type === JPEG) return [[JPEG], [PNG]]
  if (type === WEBP)
    return [
      [WEBP, JPEG],
      [WEBP, PNG],
    ]
  // PNG and GIF: PNG unless JPEG is smaller; HEIC/HEIF/AVIF: browsers encode none of them
  if (type === PNG || type === 'image/gif') return [[PNG, JPEG], [PNG]]
  return [[JPEG], [PNG]]
}

/**
 * How to re-encode an image, or null when it is best left as it is: within the size limits and
 * already of the requested type. `keepIcc` says whether the source's ICC profile will be attached
 * (only a JPEG re-encoded to JPEG: its pixels are then kept in the profile's colour space).
 */
export function outputPlan(
  type: string,
  facts: ImageFacts,
  settings: PrepareSettings,
  hasIcc: boolean,
): RenderPlan | null {
  const { maxWidth, maxHeight, quality } = settings
  // width 0: the header did not tell (HEIC, AVIF), so decoding is the only way to know
  const tooLarge = facts.width === 0 || facts.width > maxWidth || facts.height > maxHeight
  const forced = settings.type !== 'auto' ? settings.type : null
  if (!tooLarge && (forced === null || forced === type)) return null
  const [opaqueTypes, alphaTypes] = forced ? [[forced], [forced === JPEG ? PNG : forced]] : autoTypes(type)
  const keepIcc =
    hasIcc && settings.keepColorProfile && opaqueTypes.every((t) => t === JPEG) && !facts.mayHaveAlpha
  return {
    maxWidth,
    maxHeight,
    maxPixels: MAX_CANVAS_PIXELS,
    quality,
    colorSpaceConversion: keepIcc ? 'none' : 'default',
    checkAlpha: facts.mayHaveAlpha,
    opaqueTypes,
    alphaTypes,
  }
}
