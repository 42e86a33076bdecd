import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

const stylesheet = fileURLToPath(new URL('./src/styles.css', import.meta.url))

/** Emits the shared stylesheet unchanged next to the script, as `upkit.css`. */
function emitStylesheet(): Plugin {
  return {
    name: 'upkit-emit-stylesheet',
    buildStart() {
      this.addWatchFile(stylesheet)
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'upkit.css', source: readFileSync(stylesheet, 'utf8') })
    },
  }
}

/**
 * Uppy imports its whole package.json to read `version`; keep only `name` and `version` in the bundle
 * (its descriptions, scripts and export maps are about 1 KB gzipped).
 */
function slimPackageJson(): Plugin {
  return {
    name: 'upkit-slim-package-json',
    enforce: 'pre',
    load(id) {
      if (!/[\\/]@uppy[\\/][^\\/]+[\\/]package\.json$/.test(id)) return null
      const { name, version } = JSON.parse(readFileSync(id, 'utf8')) as { name: string; version: string }
      return JSON.stringify({ name, version })
    },
  }
}

/**
 * The `<script>`-tag build: `dist/upkit.iife.js` (defines `window.Upkit`) and `dist/upkit.css`; with
 * `--mode images`, `dist/upkit-images.iife.js` (defines `window.UpkitImages`, loaded on demand by
 * `Upkit.prepareImages`). Runs after `tsc` in the package `build` script, so it must not empty `dist/`.
 */
export default defineConfig(({ mode }) => {
  const images = mode === 'images'
  return {
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // Uppy's only lodash import; see src/iife-throttle.ts (saves about 1 KB of the budget).
    resolve: {
      alias: { 'lodash/throttle.js': fileURLToPath(new URL('./src/iife-throttle.ts', import.meta.url)) },
    },
    plugins: images ? [] : [slimPackageJson(), emitStylesheet()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      copyPublicDir: false,
      minify: true,
      sourcemap: false,
      target: 'es2022',
      lib: {
        entry: fileURLToPath(new URL(images ? './src/iife-images.ts' : './src/iife.ts', import.meta.url)),
        name: images ? 'UpkitImages' : 'Upkit',
        formats: ['iife'],
        fileName: () => (images ? 'upkit-images.iife.js' : 'upkit.iife.js'),
      },
    },
  }
})
