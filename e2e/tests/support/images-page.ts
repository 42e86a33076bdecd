/**
 * The browser side of images.spec.ts, bundled by Vite in the spec (support/images-harness.ts) and
 * served with the demo's config and signing routes passed through. Exposes `window.imagesTest`.
 */
import { createUploader, type Uploader } from '@upkit/uploader-core'
import { type PrepareImagesOptions, prepareImages, sniffImageType } from '@upkit/uploader-core/images'

/** A file the spec serves at /__images-test/files/<key>, with the name and type the browser should give it. */
export interface FileSpec {
  key: string
  name: string
  /** Omitted: a File with no type, as some phones hand over HEIC. */
  type?: string
}

export interface FileSummary {
  name: string
  status: string
  type: string
  size: number
  originalSize: number | undefined
  url: string | undefined
  error: string | undefined
}

async function load({ key, name, type }: FileSpec): Promise<File> {
  const blob = await (await fetch(`/__images-test/files/${key}`)).blob()
  return new File([blob], name, type === undefined ? {} : { type })
}

let uploader: Uploader | undefined

async function start(specs: FileSpec[], options: PrepareImagesOptions = {}, allowed?: string[]) {
  const config = await (await fetch('/api/demo/config', { cache: 'no-store' })).json()
  uploader?.destroy()
  uploader = createUploader({
    publicKey: config.publicKey,
    auth: { url: '/api/imagekit/auth', method: 'POST' },
    uploadEndpoint: config.uploadEndpoint,
    preprocess: prepareImages(options),
    retry: false,
    ...(allowed ? { restrictions: { allowedFileTypes: allowed } } : {}),
  })
  const { added, rejected } = await uploader.addFiles(await Promise.all(specs.map(load)))
  return {
    added: added.map((file) => ({ name: file.name, type: file.type })),
    rejected: rejected.map((r) => ({ name: r.name, code: r.error.code })),
  }
}

function summary(): FileSummary[] {
  return (uploader?.getSnapshot().files ?? []).map((file) => ({
    name: file.name,
    status: file.status,
    type: file.type,
    size: file.size,
    originalSize: file.originalSize,
    url: file.result?.url,
    error: file.error?.code,
  }))
}

/** Resolves once no file is queued, preparing or uploading any more. */
function settled(): Promise<FileSummary[]> {
  return new Promise((resolve) => {
    const check = () => {
      if (uploader?.getSnapshot().isUploading) return
      stop?.()
      resolve(summary())
    }
    const stop = uploader?.subscribe(check)
    check()
  })
}

function cancel(name: string): void {
  const file = uploader?.getSnapshot().files.find((f) => f.name === name)
  if (file) uploader?.cancel(file.id)
}

/** Calls `prepareImages(options)` on each file in turn; how long each took, and what came out. */
async function prepareEach(specs: FileSpec[], options: PrepareImagesOptions = {}) {
  const files = await Promise.all(specs.map(load))
  const prepare = prepareImages(options)
  const out: { name: string; type: string; size: number; inputSize: number; ms: number }[] = []
  for (const file of files) {
    const began = performance.now()
    const result = await prepare(file, { signal: new AbortController().signal })
    const name = result instanceof File ? result.name : ''
    out.push({
      name,
      type: result.type,
      size: result.size,
      inputSize: file.size,
      ms: performance.now() - began,
    })
  }
  return out
}

/** Starts preparing, aborts after `afterMs`, and tells how long the rejection took to come. */
async function abortAfter(spec: FileSpec, afterMs: number) {
  const file = await load(spec)
  const controller = new AbortController()
  const work = prepareImages()(file, { signal: controller.signal })
  await new Promise((resolve) => setTimeout(resolve, afterMs))
  const abortedAt = performance.now()
  controller.abort(new DOMException('cancelled by the test', 'AbortError'))
  const outcome = await work.then(
    () => 'resolved',
    (error: Error) => error.name,
  )
  return { outcome, ms: performance.now() - abortedAt }
}

const api = {
  start,
  settled,
  summary,
  cancel,
  prepareEach,
  abortAfter,
  sniff: async (s: FileSpec) => sniffImageType(await load(s)),
}
export type ImagesTestApi = typeof api

declare global {
  interface Window {
    imagesTest: ImagesTestApi
  }
}
window.imagesTest = api
