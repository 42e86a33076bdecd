import type { Server } from 'node:http'
import { join } from 'node:path'
import express, { type RequestHandler } from 'express'

export const demoDir = join(import.meta.dirname, '..', '..')
const configFile = join(demoDir, 'vite.config.ts')
const distDir = join(demoDir, 'dist')

export interface Pages {
  handler: RequestHandler
  close(): Promise<void>
}

/** Production: one `vite build` of every page into demo/dist, served as static files. */
async function builtPages(): Promise<Pages> {
  const { build } = await import('vite')
  await build({ configFile, logLevel: 'warn' })
  return { handler: express.static(distDir, { extensions: ['html'] }), close: async () => {} }
}

/** Development: Vite in middleware mode, its HMR socket on the demo's own HTTP server. */
async function devPages(httpServer: Server): Promise<Pages> {
  const { createServer } = await import('vite')
  const vite = await createServer({
    configFile,
    appType: 'mpa',
    server: { middlewareMode: true, hmr: { server: httpServer } },
  })
  return { handler: vite.middlewares as unknown as RequestHandler, close: () => vite.close() }
}

export function createPages(production: boolean, httpServer: Server): Promise<Pages> {
  return production ? builtPages() : devPages(httpServer)
}
