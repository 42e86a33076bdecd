export { type ImagePreprocess, prepareImages } from './prepare-images.js'
export type { PreparedImageType, PrepareImagesOptions } from './prepare-options.js'
export { sniffImageType } from './sniff-image-type.js'
