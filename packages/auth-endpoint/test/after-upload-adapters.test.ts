import express from 'express'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { imagekitAuth } from '../src/express.js'
import { createAuthHandler } from '../src/index.js'
import { createRouteHandlers } from '../src/next.js'
import { createNodeListener } from '../src/node.js'
import { listen, type Running } from './servers.js'
import { startImageKit, type TestImageKit, uploadThrough } from './support/emulator.js'
import { expectNoKeyInAnything, receive, recordingLogger } from './support.js'

afterAll(expectNoKeyInAnything)

let ik: TestImageKit
let server: Running | undefined
beforeEach(async () => {
  ik = await startImageKit()
})
afterEach(async () => {
  await server?.close()
  server = undefined
  await ik.stop()
})

function options() {
  return {
    ...ik.emu.keys.primary,
    apiBaseUrl: ik.emu.url,
    logger: recordingLogger(),
    authorize: (request: Request) => request.headers.get('x-user'),
    policy: { forcedFolder: (user: string) => `/users/${user}` },
    onUploadComplete: ({ identity, file }: { identity: string; file: { filePath: string } }) => ({
      owner: identity,
      path: file.filePath,
    }),
    revert: true,
  }
}

const postAction = (url: string, action: string, fileId: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-user': '7' },
    body: JSON.stringify({ action, fileId }),
  })

/** Sign and upload like a browser, then complete and revert through the adapter under test. */
async function expectActions(url: string) {
  const uploaded = await uploadThrough(createAuthHandler(options()), ik.emu, { fileName: 'cat.png' })
  const signed = await receive(await fetch(url, { headers: { 'x-user': '7' } }))
  expect(signed.json.actions).toEqual(['complete', 'revert'])
  const completed = await receive(await postAction(url, 'complete', uploaded.fileId))
  expect(completed.json).toEqual({ serverData: { owner: '7', path: '/users/7/cat.png' } })
  const reverted = await receive(await postAction(url, 'revert', uploaded.fileId))
  expect(reverted.json).toEqual({ reverted: uploaded.fileId })
  expect(await ik.emu.files()).toEqual([])
}

describe('complete and revert through every adapter, over real HTTP', () => {
  it.each([false, true])('Express (express.json() before it: %s)', async (withJson) => {
    const app = express()
    if (withJson) app.use(express.json())
    app.use('/api/imagekit/auth', imagekitAuth(options()))
    server = await listen(app)
    await expectActions(`${server.url}/api/imagekit/auth`)
  })

  it('Next App Router handlers', async () => {
    const { GET, POST } = createRouteHandlers(options())
    server = await listen(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(chunk as Buffer)
      const headers = req.headers as Record<string, string>
      const init =
        req.method === 'POST' ? { method: 'POST', headers, body: Buffer.concat(chunks) } : { headers }
      const response = await (req.method === 'POST' ? POST : GET)(
        new Request(`http://localhost${req.url}`, init),
      )
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(await response.text())
    })
    await expectActions(`${server.url}/api/imagekit/auth`)
  })

  it('node:http listener', async () => {
    server = await listen(createNodeListener(options()))
    await expectActions(server.url)
  })
})
