import { de } from './locales/de.js'
import { en } from './locales/en.js'
import { fr } from './locales/fr.js'

/**
 * Entry of the `<script>`-tag build (`dist/upkit.iife.js`): defines `window.Upkit` with `mount`,
 * `createUploader`, the bundled `locales` (`Upkit.locales.de` → `mount(el, { locale })`) and
 * `prepareImages` (its code loaded on demand from `upkit-images.iife.js`). Styles come from `dist/upkit.css`.
 */
export const locales = { en, de, fr }
export { mount } from './dom/index.js'
export { prepareImages } from './iife-prepare-images.js'
export { persistQueue } from './persist/index.js'
export { createUploader } from './uploader.js'
