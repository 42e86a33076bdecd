// Builds the two page bundles (from the workspace's TypeScript sources, React in production mode) in
// memory and serves them, with the shared stylesheet, on 127.0.0.1 port 0.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { build, defaultClientConditions, type Rollup } from 'vite'

const here = fileURLToPath(new URL('.', import.meta.url))
const stylesheet = fileURLToPath(new URL('../../packages/uploader-core/src/styles.css', import.meta.url))

export const WIDGETS = { react: 'page-react.tsx', dom: 'page-dom.ts', control: 'page-control.ts' } as const
export type WidgetName = keyof typeof WIDGETS

async function bundle(entry: string): Promise<string> {
  const output = (await build({
    configFile: false,
    root: here,
    logLevel: 'warn',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: { conditions: ['@upkit/source', ...defaultClientConditions], dedupe: ['react', 'react-dom'] },
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      lib: { entry: `${here}${entry}`, formats: ['iife'], name: 'BenchPage', fileName: () => 'page.js' },
    },
  })) as Rollup.RollupOutput[]
  const chunk = output[0]?.output[0]
  if (chunk?.type !== 'chunk') throw new Error(`no bundle for ${entry}`)
  return chunk.code
}

const html = (script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>widget-scroll</title>
<link rel="stylesheet" href="/upkit.css">
<style>body { margin: 0; font-family: system-ui, sans-serif } main { max-width: 44rem; margin: 0 auto; padding: 1.5rem }</style>
</head><body><main><h1>widget-scroll</h1><div id="root"></div></main><script src="/${script}.js"></script></body></html>`

export interface PageServer {
  url(widget: WidgetName): string
  close(): Promise<void>
}

export async function servePages(): Promise<PageServer> {
  const assets = new Map<string, { type: string; body: string }>()
  assets.set('/upkit.css', { type: 'text/css', body: readFileSync(stylesheet, 'utf8') })
  for (const [name, entry] of Object.entries(WIDGETS)) {
    assets.set(`/${name}.js`, { type: 'text/javascript', body: await bundle(entry) })
    assets.set(`/${name}.html`, { type: 'text/html', body: html(name) })
  }
  const server: Server = createServer((req, res) => {
    const asset = assets.get(new URL(req.url ?? '/', 'http://x').pathname)
    res.writeHead(asset ? 200 : 404, { 'content-type': `${asset?.type ?? 'text/plain'}; charset=utf-8` })
    res.end(asset?.body ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (widget) => `http://127.0.0.1:${port}/${widget}.html`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
