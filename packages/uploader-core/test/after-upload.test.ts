import { describe, expect, it, vi } from 'vitest'
import { createUploader, isUploadError } from '../src/index.js'
import { FakeUploadServer, makeFile, waitFor } from './helpers/fake-xhr.js'

type Body = { action?: string; fileId?: string; files?: unknown[] }

/** A fake POST route speaking the after-upload wire format of @upkit/auth-endpoint. */
function route(options: {
  actions?: string[]
  complete?: (body: Body) => Response
  revert?: (body: Body) => Response
}) {
  const calls: Body[] = []
  let n = 0
  const signature = () => ({
    token: `t${++n}`,
    expire: 4_000_000_000,
    signature: 's',
    actions: options.actions ?? [],
  })
  const fetch = (async (_url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body)) as Body
    calls.push(body)
    if (body.action === 'complete') return options.complete?.(body) ?? Response.json({ serverData: null })
    if (body.action === 'revert') return options.revert?.(body) ?? Response.json({ reverted: body.fileId })
    return Response.json(body.files ? { files: body.files.map(signature) } : signature())
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls, actions: () => calls.filter((c) => c.action) }
}

function setup(r: ReturnType<typeof route>, retry = { limit: 0 }) {
  const server = new FakeUploadServer()
  const uploader = createUploader({
    publicKey: 'pk',
    auth: { url: '/api/imagekit/auth', method: 'POST' },
    xhr: server.xhr,
    fetch: r.fetch,
    retry,
  })
  return { server, uploader }
}

describe('complete: the app’s server records ImageKit’s own file', () => {
  it('calls complete after the upload and puts the app’s answer on the file before upload-success', async () => {
    const r = route({ actions: ['complete'], complete: () => Response.json({ serverData: { photoId: 42 } }) })
    const { uploader } = setup(r)
    const heard = vi.fn()
    uploader.on('upload-success', ({ file }) => heard(file.serverData))
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, (s) => s.counts.success === 1)
    expect(r.actions()).toEqual([{ action: 'complete', fileId: 'id-a.png' }])
    expect(snap.files[0]?.serverData).toEqual({ photoId: 42 })
    expect(heard).toHaveBeenCalledWith({ photoId: 42 })
  })

  it('does not call it when the route does not offer it', async () => {
    const r = route({})
    const { uploader } = setup(r)
    await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.counts.success === 1)
    expect(r.actions()).toEqual([])
  })

  it('a failed complete leaves the file uploaded (never re-sent), says why, and retry asks again', async () => {
    let refuse = true
    const r = route({
      actions: ['complete'],
      complete: () =>
        refuse
          ? Response.json({ code: 'INTERNAL', message: 'database down' }, { status: 500 })
          : Response.json({ serverData: 'ok' }),
    })
    const { server, uploader } = setup(r)
    const failed = vi.fn()
    uploader.on('completion-error', ({ error }) => failed(error.code))
    await uploader.addFiles([makeFile('a.png')])
    const snap = await waitFor(uploader, (s) => s.counts.success === 1)
    expect(snap.files[0]?.completionError?.code).toBe('SIGNING_FAILED')
    expect(failed).toHaveBeenCalledWith('SIGNING_FAILED')
    refuse = false
    uploader.retry(snap.files[0]!.id)
    const again = await waitFor(uploader, (s) => s.files[0]?.serverData === 'ok')
    expect(again.files[0]?.completionError).toBeUndefined()
    expect(server.requests).toHaveLength(1) // the file itself went to ImageKit once
  })
})

describe('revert: undo a finished upload', () => {
  it('deletes it through the route and drops it from the list', async () => {
    const r = route({ actions: ['complete', 'revert'] })
    const { uploader } = setup(r)
    const reverted = vi.fn()
    uploader.on('file-reverted', ({ file }) => reverted(file.name))
    const { added } = await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.counts.success === 1)
    await uploader.revert(added[0]!.id)
    expect(r.actions().at(-1)).toEqual({ action: 'revert', fileId: 'id-a.png' })
    expect(uploader.getSnapshot().files).toHaveLength(0)
    expect(reverted).toHaveBeenCalledWith('a.png')
  })

  it('keeps the file and rejects with REVERT_FAILED when the route refuses', async () => {
    const r = route({
      actions: ['revert'],
      revert: () => Response.json({ code: 'FOLDER_NOT_ALLOWED', message: 'not yours' }, { status: 403 }),
    })
    const { uploader } = setup(r)
    const { added } = await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.counts.success === 1)
    const error = await uploader.revert(added[0]!.id).catch((e: unknown) => e)
    expect(isUploadError(error) && error.code).toBe('REVERT_FAILED')
    expect((error as Error).message).toBe('“a.png” could not be deleted. Please try again.')
    expect(uploader.getSnapshot().files).toHaveLength(1)
  })

  it('refuses with INVALID_INPUT when the route does not offer revert', async () => {
    const { uploader } = setup(route({}))
    const { added } = await uploader.addFiles([makeFile('a.png')])
    await waitFor(uploader, (s) => s.counts.success === 1)
    const error = await uploader.revert(added[0]!.id).catch((e: unknown) => e)
    expect(isUploadError(error) && error.code).toBe('INVALID_INPUT')
  })
})

describe('remove on a finished file', () => {
  it('reverts it first when the route offers revert, and says so if that fails (the file stays)', async () => {
    let refuse = false
    const r = route({
      actions: ['revert'],
      revert: (body) =>
        refuse
          ? Response.json({ code: 'INTERNAL', message: 'x' }, { status: 500 })
          : Response.json({ reverted: body.fileId }),
    })
    const { uploader } = setup(r)
    const failed = vi.fn()
    uploader.on('revert-error', ({ error }) => failed(error.code))
    const { added } = await uploader.addFiles([makeFile('a.png'), makeFile('b.png')])
    await waitFor(uploader, (s) => s.counts.success === 2)
    uploader.remove(added[0]!.id)
    await waitFor(uploader, (s) => s.files.length === 1)
    expect(r.actions().filter((a) => a.action === 'revert')).toHaveLength(1)
    refuse = true
    uploader.remove(added[1]!.id)
    await vi.waitFor(() => expect(failed).toHaveBeenCalledWith('REVERT_FAILED'))
    expect(uploader.getSnapshot().files).toHaveLength(1)
  })
})
