import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The React page: react/ built into public/react/, which server.ts serves at /react/.
export default defineConfig({
  root: 'react',
  base: '/react/',
  plugins: [react()],
  build: { outDir: '../public/react', emptyOutDir: true },
})
