// Side check: does Chromium reuse a cached CORS preflight for a cross-origin POST made with
// `fetch(…, { cache: 'no-store' })`, as the engine's signer sends its POSTs? Five POSTs each way.
// Run: pnpm exec tsx bench/engine-vs-raw/preflight.ts
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium } from '@playwright/test'

const seen = { OPTIONS: 0, POST: 0 }
const route = createServer((req, res) => {
  res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*')
  if (req.method === 'OPTIONS') {
    seen.OPTIONS++
    res.writeHead(204, {
      'Access-Control-Allow-Methods': 'POST',
      'Access-Control-Allow-Headers': 'content-type',
      'Access-Control-Max-Age': '600',
    })
    return res.end()
  }
  seen.POST++
  req.resume()
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'))
})
const page = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<p>x'))
const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  )
const [routePort, pagePort] = [await listen(route), await listen(page)]
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
try {
  for (const cache of ['no-store', 'default']) {
    const tab = await browser.newPage() // a fresh context: an empty preflight cache
    await tab.goto(`http://127.0.0.1:${pagePort}/`)
    Object.assign(seen, { OPTIONS: 0, POST: 0 })
    await tab.evaluate(`(async () => { for (let i = 0; i < 5; i++) await fetch('http://127.0.0.1:${routePort}/sign',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}', cache: '${cache}' }).then((r) => r.text()) })()`)
    console.log(`cache: '${cache}': ${seen.POST} POSTs, ${seen.OPTIONS} preflights`)
    await tab.close()
  }
} finally {
  await browser.close()
  route.close()
  page.close()
}
