import type { PrepareImagesOptions } from './images/index.js'
import type { Preprocess } from './preparer.js'

type ImagesModule = typeof import('./images/index.js')

// where this script was loaded from: the images script sits next to it
const base =
  typeof document === 'undefined' ? '' : ((document.currentScript as HTMLScriptElement | null)?.src ?? '')
let loading: Promise<ImagesModule> | undefined

/** Loads `upkit-images.iife.js` from next to `upkit.iife.js`, once. */
function loadImages(): Promise<ImagesModule> {
  loading ??= new Promise<ImagesModule>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = new URL('upkit-images.iife.js', base || location.href).href
    script.onload = () => {
      const loaded = (globalThis as { UpkitImages?: ImagesModule }).UpkitImages
      if (loaded) resolve(loaded)
      else reject(new Error('upkit-images.iife.js loaded but defined no UpkitImages'))
    }
    script.onerror = () => {
      loading = undefined // a later file may try again
      reject(new Error(`could not load ${script.src}; copy it next to upkit.iife.js`))
    }
    document.head.append(script)
  })
  return loading
}

/**
 * `Upkit.prepareImages(options)` for `<script>` pages: the same `preprocess` as the images entry's,
 * whose code (`upkit-images.iife.js`, ~7 kB) is fetched the first time a file needs it. If it cannot
 * be loaded, the engine uploads the original (its rule for any failing `preprocess`).
 */
export function prepareImages(options?: PrepareImagesOptions): Preprocess {
  let ready: Promise<Preprocess> | undefined
  const prepared = () => {
    ready ??= loadImages().then((images) => images.prepareImages(options))
    return ready
  }
  const preprocess: Preprocess = async (file, context) => (await prepared())(file, context)
  preprocess.detectType = async (file) => (await loadImages()).sniffImageType(file)
  return preprocess
}
