export interface Resize {
  width?: number
  height?: number
}

/** ImageKit's media-library thumbnail fits in a small box; ours is 200 × 200. */
export const THUMBNAIL_BOX = 200

type SharpModule = typeof import('sharp')
let sharpLoading: Promise<SharpModule | undefined> | undefined

/** sharp is optional: load it on first use; undefined when it is not installed. */
export function loadSharp(): Promise<SharpModule | undefined> {
  sharpLoading ??= import('sharp').then(
    (module) => module,
    () => undefined,
  )
  return sharpLoading
}

/**
 * Downscale an image with sharp (never enlarging). Resolves undefined when sharp is missing or the
 * image cannot be decoded: the caller then serves the original bytes.
 */
export async function resizeImage(path: string, resize: Resize): Promise<Buffer | undefined> {
  const module = await loadSharp()
  if (!module) return undefined
  try {
    const sharp = module.default
    return await sharp(path)
      .rotate()
      .resize({ ...resize, fit: 'inside', withoutEnlargement: true })
      .toBuffer()
  } catch {
    return undefined
  }
}

/** Parse an ImageKit transformation string (`n-ik_ml_thumbnail`, `w-300,h-200`) into a resize. */
export function parseTransformation(tr: string): Resize | undefined {
  const resize: Resize = {}
  for (const step of tr.split(/[,:]/)) {
    if (step === 'n-ik_ml_thumbnail' || step === 'n-media_library_thumbnail') {
      return { width: THUMBNAIL_BOX, height: THUMBNAIL_BOX }
    }
    const match = /^([wh])-(\d{1,5})$/.exec(step)
    if (match) resize[match[1] === 'w' ? 'width' : 'height'] = Math.max(1, Number(match[2]))
  }
  return resize.width || resize.height ? resize : undefined
}
