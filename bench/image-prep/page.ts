// The browser side of bench/image-prep: the three contenders on the same files, one call at a time.
// Bundled by run.ts with Vite (minified, like an app's production build) and served on 127.0.0.1.

import { prepareImages } from '@upkit/uploader-core/images'
import Compressor from '@uppy/compressor'
import { Uppy } from '@uppy/core'
import imageCompression from 'browser-image-compression'

export type Contender = 'prepareImages' | 'uppy-compressor' | 'browser-image-compression'

export interface Measurement {
  ms: number
  inBytes: number
  outBytes: number
  type: string
  width: number
  height: number
  /** Whether the red marker is where the photo's EXIF orientation puts it. */
  upright: boolean
  longTaskMs: number
  longTaskMax: number
  /** The output itself (base64), when asked for: run.ts compares it with a Lanczos-3 reference. */
  base64?: string
}

const MAX = 2560
const QUALITY = 0.82
const longTasks: { start: number; duration: number }[] = []
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration })
}).observe({ type: 'longtask' })

const photos = new Map<string, File>()
const upkit = prepareImages({ maxWidth: MAX, maxHeight: MAX, quality: QUALITY })
const uppy = new Uppy().use(Compressor, { quality: QUALITY, maxWidth: MAX, maxHeight: MAX })

const contenders: Record<Contender, (file: File) => Promise<Blob>> = {
  prepareImages: (file) => upkit(file, { signal: new AbortController().signal }),
  'uppy-compressor': async (file) => {
    const id = uppy.addFile({ name: file.name, type: file.type, data: file })
    await (
      uppy.getPlugin('Compressor') as unknown as { prepareUpload(ids: string[]): Promise<void> }
    ).prepareUpload([id])
    const out = uppy.getFile(id).data as Blob
    uppy.removeFile(id)
    return out
  },
  'browser-image-compression': (file) =>
    imageCompression(file, {
      maxWidthOrHeight: MAX,
      initialQuality: QUALITY,
      useWebWorker: true,
      // its worker loads the library from a CDN by default; this machine has no network
      libURL: `${location.origin}/browser-image-compression.js`,
    }),
}

async function load(key: string, orientation: number): Promise<File> {
  let file = photos.get(key)
  if (!file) {
    const blob = await (await fetch(`/photos/${key}.jpg`)).blob()
    file = new File([blob], `${key}-o${orientation}.jpg`, { type: 'image/jpeg' })
    photos.set(key, file)
  }
  return file
}

/** The marker (red, stored top-left) shows top-left for orientation 1 and top-right for 6. */
async function isUpright(blob: Blob, orientation: number): Promise<[boolean, number, number]> {
  const bitmap = await createImageBitmap(blob)
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const ctx = canvas.getContext('2d')!
  ctx.drawImage(bitmap, 0, 0)
  const x = orientation === 6 ? bitmap.width - 10 : 10
  const [r = 0, g = 255, b = 255] = ctx.getImageData(x, 10, 1, 1).data
  bitmap.close()
  return [r > 200 && g < 60 && b < 60, canvas.width, canvas.height]
}

async function measure(
  contender: Contender,
  key: string,
  orientation: number,
  keep = false,
): Promise<Measurement> {
  const file = await load(key, orientation)
  await new Promise((resolve) => setTimeout(resolve, 50))
  const start = performance.now()
  const out = await contenders[contender](file)
  const ms = performance.now() - start
  // long tasks are reported a little after they end
  await new Promise((resolve) => setTimeout(resolve, 50))
  const during = longTasks.filter((t) => t.start >= start - 1 && t.start <= start + ms)
  const [upright, width, height] = await isUpright(out, orientation)
  return {
    ms,
    inBytes: file.size,
    outBytes: out.size,
    type: out.type,
    width,
    height,
    upright,
    longTaskMs: during.reduce((sum, t) => sum + t.duration, 0),
    longTaskMax: Math.max(0, ...during.map((t) => t.duration)),
    ...(keep ? { base64: await base64(out) } : {}),
  }
}

async function base64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let text = ''
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return btoa(text)
}

Object.assign(window, { bench: { measure } })
