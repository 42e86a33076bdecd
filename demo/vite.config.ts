import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defaultClientConditions, defineConfig } from 'vite'

const demoDir = fileURLToPath(new URL('.', import.meta.url))
const pages = join(demoDir, 'pages')

/** The demo's pages: a multi-page app whose workspace packages resolve to their TypeScript source. */
export default defineConfig({
  root: pages,
  publicDir: false,
  plugins: [react()],
  resolve: { conditions: ['@upkit/source', ...defaultClientConditions] },
  build: {
    outDir: join(demoDir, 'dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: join(pages, 'index.html'),
        gallery: join(pages, 'gallery.html'),
        faults: join(pages, 'faults.html'),
        sdk: join(pages, 'imagekit-sdk.html'),
      },
    },
  },
})
