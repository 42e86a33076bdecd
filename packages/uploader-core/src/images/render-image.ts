/*
 * Decode, downscale and encode one image. Every function here is self-contained (no imports, no
 * module state, only each other by name): the worker's source is built from their text, see
 * image-worker.ts. The same functions run on the main thread when there is no worker.
 */

/** What to make of one image. */
export interface RenderPlan {
  maxWidth: number
  maxHeight: number
  /** No canvas gets more pixels than this (iOS Safari draws nothing on a larger one). */
  maxPixels: number
  quality: number
  /** `'none'` keeps the pixels in the source's colour space (its ICC profile is attached afterwards). */
  colorSpaceConversion: 'default' | 'none'
  /** Whether to look for transparent pixels (only when the format may have them). */
  checkAlpha: boolean
  /** Output types for an opaque image; the smallest result wins. */
  opaqueTypes: readonly string[]
  /** Output types for an image with transparency. */
  alphaTypes: readonly string[]
}

export interface RenderResult {
  blob: Blob
  width: number
  height: number
}

export type AnyCanvas = OffscreenCanvas | HTMLCanvasElement
type Context = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D

/** Where the rendering runs: how to make a canvas, and a pause between steps (a yield and an abort check on the main thread). */
export interface RenderEnv {
  canvas(width: number, height: number): AnyCanvas
  pause(): Promise<void>
}

/** The encoded image, or null when no output type could be encoded (the browser returned another). */
export async function renderImage(
  blob: Blob,
  plan: RenderPlan,
  env: RenderEnv,
): Promise<RenderResult | null> {
  const options = { imageOrientation: 'from-image', colorSpaceConversion: plan.colorSpaceConversion } as const
  const bitmap = await createImageBitmap(blob, options)
  let canvas: AnyCanvas
  try {
    await env.pause()
    const [width, height] = fitSize(bitmap.width, bitmap.height, plan)
    canvas = await downscale(bitmap, width, height, plan.maxPixels, env)
  } finally {
    bitmap.close()
  }
  try {
    const opaque = !plan.checkAlpha || (await isOpaque(canvas, env))
    const types = opaque ? plan.opaqueTypes : plan.alphaTypes
    const encoded = await encodeSmallest(canvas, types, plan.quality, env)
    return encoded && { blob: encoded, width: canvas.width, height: canvas.height }
  } finally {
    // frees the backing store now rather than at the next collection
    canvas.width = canvas.height = 0
  }
}

/** The largest size within the limits and the pixel cap, keeping the aspect ratio; never larger than the source. */
export function fitSize(width: number, height: number, plan: RenderPlan): [number, number] {
  const scale = Math.min(
    1,
    plan.maxWidth / width,
    plan.maxHeight / height,
    Math.sqrt(plan.maxPixels / (width * height)),
  )
  return [Math.max(1, Math.floor(width * scale)), Math.max(1, Math.floor(height * scale))]
}

function context(canvas: AnyCanvas): Context {
  const ctx = canvas.getContext('2d') as Context | null
  if (!ctx) throw new Error('no 2D canvas context')
  return ctx
}

/** Halves while more than twice the target (each step then averages whole pixels: no aliasing), within the pixel cap. */
export async function downscale(
  bitmap: ImageBitmap,
  width: number,
  height: number,
  maxPixels: number,
  env: RenderEnv,
): Promise<AnyCanvas> {
  let source: ImageBitmap | AnyCanvas = bitmap
  let previous: AnyCanvas | undefined
  for (;;) {
    let [w, h] = [source.width, source.height]
    const halve = w > 2 * width || h > 2 * height
    ;[w, h] = halve
      ? [Math.max(width, Math.ceil(w / 2)), Math.max(height, Math.ceil(h / 2))]
      : [width, height]
    if (w * h > maxPixels) {
      const scale = Math.sqrt(maxPixels / (w * h))
      ;[w, h] = [Math.max(width, Math.floor(w * scale)), Math.max(height, Math.floor(h * scale))]
    }
    const canvas = env.canvas(w, h)
    const ctx = context(canvas)
    ctx.imageSmoothingQuality = 'high'
    ctx.drawImage(source, 0, 0, w, h)
    if (previous) previous.width = previous.height = 0
    if (w === width && h === height) return canvas
    source = previous = canvas
    await env.pause()
  }
}

/** True when every pixel is fully opaque; reads the canvas in bands of about a megabyte. */
export async function isOpaque(canvas: AnyCanvas, env: RenderEnv): Promise<boolean> {
  const ctx = context(canvas)
  const band = Math.max(1, Math.floor(262144 / canvas.width))
  for (let y = 0; y < canvas.height; y += band) {
    const { data } = ctx.getImageData(0, y, canvas.width, Math.min(band, canvas.height - y))
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false
    await env.pause()
  }
  return true
}

/** The smallest of the encodings in `types` that the browser really produced (an unsupported type comes back as PNG). */
export async function encodeSmallest(
  canvas: AnyCanvas,
  types: readonly string[],
  quality: number,
  env: RenderEnv,
): Promise<Blob | null> {
  let best: Blob | null = null
  for (const type of types) {
    const blob =
      'convertToBlob' in canvas
        ? await canvas.convertToBlob({ type, quality })
        : await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, quality))
    if (blob && blob.type === type && (!best || blob.size < best.size)) best = blob
    await env.pause()
  }
  return best
}

/** The part of a worker's global scope the entry uses. */
export interface WorkerScope {
  onmessage: ((event: MessageEvent) => void) | null
  postMessage(message: unknown): void
}

/** The worker's entry: answers `{ id, blob, plan }` with `{ id, result }` or `{ id, error }`. */
export function workerMain(scope: WorkerScope): void {
  const env = { canvas: (w: number, h: number) => new OffscreenCanvas(w, h), pause: () => Promise.resolve() }
  scope.onmessage = async (event: MessageEvent) => {
    const { id, blob, plan } = event.data
    try {
      scope.postMessage({ id, result: await renderImage(blob, plan, env) })
    } catch (error) {
      scope.postMessage({
        id,
        error: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      })
    }
  }
}

/** The functions the worker needs, in the order its source declares them. */
export const WORKER_FUNCTIONS = [renderImage, fitSize, context, downscale, isOpaque, encodeSmallest]
