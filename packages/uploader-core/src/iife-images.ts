/**
 * Entry of `dist/upkit-images.iife.js`: the images entry for the `<script>`-tag build, loaded on
 * demand by `Upkit.prepareImages()` (see `iife-prepare-images.ts`), so pages that never prepare
 * images never download it.
 */
export { prepareImages, sniffImageType } from './images/index.js'
