import type { Preprocess } from '../preparer.js'
import { jpegIccSegments, withIccSegments } from './icc-profile.js'
import { readImageFacts } from './image-facts.js'
import { ImageRenderer } from './image-renderer.js'
import { jpegSegments } from './jpeg-segments.js'
import { outputPlan, PREPARABLE } from './output-plan.js'
import { type PrepareImagesOptions, type PrepareSettings, resolvePrepareOptions } from './prepare-options.js'
import { removeLocation } from './remove-location.js'
import { retypedFile } from './retyped-file.js'
import { SerialLane } from './serial-lane.js'
import { SNIFF_BYTES, sniffBytes, sniffImageType } from './sniff-image-type.js'

/** The engine's `preprocess` hook; its `detectType` ({@link sniffImageType}) types a HEIC with no MIME type before `allowedFileTypes`. */
export type ImagePreprocess = Preprocess & { detectType: (file: Blob) => Promise<string | undefined> }

interface Job {
  file: File | Blob
  signal: AbortSignal
  settings: PrepareSettings
  renderer: ImageRenderer
  warn: (key: string, message: string) => void
}

const describe = (file: File | Blob) => ('name' in file && file.name ? `"${file.name}"` : 'an image')
const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** A JPEG's header is read alone when it fits in this much: a 12 MP photo is then not copied on the main thread. */
const JPEG_HEAD_BYTES = 512 * 1024

/** The bytes to parse: a JPEG's first {@link JPEG_HEAD_BYTES} when its header ends in them, else the whole file. */
async function readForParsing(file: Blob, type: string): Promise<Uint8Array> {
  if (type === 'image/jpeg' && file.size > JPEG_HEAD_BYTES) {
    const head = new Uint8Array(await file.slice(0, JPEG_HEAD_BYTES).arrayBuffer())
    try {
      jpegSegments(head)
      return head
    } catch {
      // a header longer than that (or a broken one): read everything and let the parsers tell
    }
  }
  return new Uint8Array(await file.arrayBuffer())
}

/** The file with its location removed (a copy of the parsed bytes, the rest as it was), or `typed` when it had none. */
function withoutLocation(job: Job, data: Uint8Array, type: string, typed: File | Blob): File | Blob {
  if (!job.settings.removeLocation) return typed
  const copy = data.slice()
  if (!removeLocation(copy, type)) return typed
  return retypedFile(job.file, [copy, job.file.slice(copy.length)], type, type)
}

async function prepareOne(job: Job): Promise<File | Blob> {
  const { file, signal } = job
  signal.throwIfAborted()
  const type = sniffBytes(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()))
  if (!type || !PREPARABLE.has(type)) return file
  // phones send HEIC as application/octet-stream or with no type: give the upload its real one
  const typed = file.type === type ? file : retypedFile(file, [file], type, type)
  let data: Uint8Array | undefined
  try {
    data = await readForParsing(file, type)
    signal.throwIfAborted()
    return (await shrink(job, data, type)) ?? withoutLocation(job, data, type, typed)
  } catch (error) {
    if (signal.aborted) throw signal.reason
    if (job.settings.onError === 'throw') throw error
    return uploadAsItIs(job, error, type, typed, data)
  }
}

/** After trouble: the file with its location removed if that still works, else unchanged, and a note why. */
function uploadAsItIs(
  job: Job,
  error: unknown,
  type: string,
  typed: File | Blob,
  data?: Uint8Array,
): File | Blob {
  let base = typed
  try {
    if (data) base = withoutLocation(job, data, type, typed)
  } catch {
    // the metadata itself is what failed: upload the file unchanged
  }
  const expected = /^image\/(heic|heif)/.test(type)
  const what = base === typed ? 'unchanged' : 'with only its location removed'
  job.warn(
    expected ? type : '',
    expected
      ? `this browser cannot decode ${type}; such files are uploaded as they are.`
      : `could not prepare ${describe(job.file)} (${reason(error)}); uploading it ${what}.`,
  )
  return base
}

/** The re-encoded image when that is smaller than the file (location removal keeps the size), else null. */
async function shrink(job: Job, data: Uint8Array, type: string): Promise<File | Blob | null> {
  const facts = readImageFacts(data, type)
  const icc = type === 'image/jpeg' ? jpegIccSegments(data) : []
  const plan = facts.animated ? null : outputPlan(type, facts, job.settings, icc.length > 0)
  if (!plan) return null
  const result = await job.renderer.render(job.file, plan, job.signal)
  if (!result || result.blob.size >= job.file.size) return null
  const out =
    result.blob.type === 'image/jpeg' && plan.colorSpaceConversion === 'none'
      ? withIccSegments(new Uint8Array(await result.blob.arrayBuffer()), icc)
      : result.blob
  return retypedFile(job.file, [out], result.blob.type, type)
}

/**
 * Shrinks photos before they upload: pass the result as `createUploader({ preprocess: prepareImages() })`.
 * Applies EXIF orientation, fits images within `maxWidth` × `maxHeight`, removes GPS location, and
 * keeps every file it cannot improve as it was (animations, SVG, non-images, outputs that are not
 * smaller). One image at a time, in a Web Worker where the browser allows.
 */
export function prepareImages(options: PrepareImagesOptions = {}): ImagePreprocess {
  const settings = resolvePrepareOptions(options)
  const lane = new SerialLane()
  const renderer = new ImageRenderer()
  const warned = new Set<string>()
  const warn = (key: string, message: string) => {
    // a keyed note (e.g. "no HEIC decoder") once per prepareImages(); a per-file note every time
    if (key && warned.has(key)) return
    warned.add(key)
    console.warn(`[upkit] prepareImages: ${message}`)
  }
  const preprocess = (file: File | Blob, { signal }: { signal: AbortSignal }) =>
    lane.run(() => prepareOne({ file, signal, settings, renderer, warn }))
  const detectType = async (file: Blob) => (await sniffImageType(file)) ?? undefined
  return Object.assign(preprocess, { detectType })
}
