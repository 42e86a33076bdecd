/** A size in CSS pixels (or image pixels). */
export interface Box {
  width: number
  height: number
}

/** What the gallery knows of a stored image (ImageKit's file object: `filePath`, and `width`/`height` for images). */
export interface ThumbnailSource {
  filePath: string
  width?: number | undefined
  height?: number | undefined
}

/**
 * The width to ask for so that an image of `natural` size covers `box` (`object-fit: cover`), never more
 * than the image has. A width alone keeps the ratio in ImageKit (`tr:w-…`, docs "Resize, crop and other
 * common transformations") and in the emulator (thumbnail.ts: fit inside, never enlarged).
 */
export function coverWidth(box: Box, natural: Omit<ThumbnailSource, 'filePath'>): number {
  const { width, height } = natural
  if (!width || !height) return Math.ceil(box.width)
  return Math.min(width, Math.ceil(width * Math.max(box.width / width, box.height / height)))
}

/**
 * `src` and `srcSet` for an image drawn in `box` CSS pixels: 1×, 2× and 3× the box, so the browser takes
 * the one for its devicePixelRatio, and `src` is the screen's own (`dpr`).
 */
export function thumbnailSources(
  urlEndpoint: string,
  file: ThumbnailSource,
  box: Box,
  dpr: number,
): { src: string; srcSet: string } {
  const base = urlEndpoint.replace(/\/+$/, '')
  const url = (ratio: number) =>
    `${base}/tr:w-${coverWidth({ width: box.width * ratio, height: box.height * ratio }, file)}${file.filePath}`
  return {
    src: url(Math.max(1, dpr)),
    srcSet: [1, 2, 3].map((ratio) => `${url(ratio)} ${ratio}x`).join(', '),
  }
}
