/**
 * Pins every @uppy/core behaviour the engine relies on (see README "Design notes"). If an Uppy
 * upgrade changes one of them, this file fails before users notice.
 */
import { Uppy } from '@uppy/core'
import { describe, expect, it, vi } from 'vitest'
import { uppyRestrictionStrings } from '../src/restrictions.js'
import { createUppyBridge } from '../src/uppy-bridge.js'
import { makeFile } from './helpers/fake-xhr.js'

function make(restrictions: Record<string, unknown> = {}) {
  return new Uppy({
    restrictions,
    locale: { strings: uppyRestrictionStrings, pluralize: (n: number) => (n === 1 ? 0 : 1) },
    logger: { debug: () => {}, warn: () => {}, error: () => {} },
  })
}

const add = (uppy: Uppy, file: File) => uppy.addFile({ name: file.name, type: file.type, data: file })

function thrownBy(fn: () => unknown): Error & { isRestriction?: boolean } {
  try {
    fn()
  } catch (error) {
    return error as Error
  }
  throw new Error('did not throw')
}

const realTimers = {
  setTimeout: (run: () => void, ms: number) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle: unknown) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

describe('@uppy/core contract', () => {
  it('is version 6.3.x', async () => {
    const pkg = (await import('@uppy/core/package.json', { with: { type: 'json' } })).default
    expect(pkg.version).toMatch(/^6\.3\./)
  })

  it('addFile returns an id, keeps name/size/type, and guesses a missing type from the extension', () => {
    const uppy = make()
    const id = add(uppy, makeFile('a.png', 10))
    expect(uppy.getFile(id)).toMatchObject({ name: 'a.png', size: 10, type: 'image/png' })
    const blob = new File([new Uint8Array(3)], 'b.jpg')
    const id2 = uppy.addFile({ name: 'b.jpg', type: blob.type, data: blob })
    expect(uppy.getFile(id2).type).toBe('image/jpeg')
    expect(id2).not.toBe(id)
  })

  it('restriction errors throw from addFile with our code as message (locale override)', () => {
    const uppy = make({
      maxFileSize: 100,
      minFileSize: 5,
      allowedFileTypes: ['image/*', '.pdf'],
      maxNumberOfFiles: 2,
    })
    expect(thrownBy(() => add(uppy, makeFile('big.png', 101))).message).toBe('FILE_TOO_LARGE')
    expect(thrownBy(() => add(uppy, makeFile('tiny.png', 1))).message).toBe('FILE_TOO_SMALL')
    expect(thrownBy(() => add(uppy, makeFile('a.txt', 10, 'text/plain'))).message).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    )
    add(uppy, makeFile('doc.pdf', 10, '')) // extension match
    add(uppy, makeFile('ok.webp', 10, 'image/webp')) // wildcard match
    const tooMany = thrownBy(() => add(uppy, makeFile('third.png', 10)))
    expect(tooMany.message).toBe('TOO_MANY_FILES')
    expect(tooMany.isRestriction).toBe(true)
  })

  it('rejects the same file twice as a duplicate, and counts the total size', () => {
    const uppy = make({ maxTotalFileSize: 15 })
    const file = makeFile('a.png', 10)
    add(uppy, file)
    expect(thrownBy(() => add(uppy, file)).message).toBe('DUPLICATE_FILE')
    expect(thrownBy(() => add(uppy, makeFile('b.png', 10))).message).toBe('TOTAL_SIZE_EXCEEDED')
  })

  it('upload() hands the uploader only files not started yet; upload-start marks them started', async () => {
    const uppy = make()
    const batches: string[][] = []
    uppy.addUploader(async (ids) => {
      batches.push([...ids])
      uppy.emit('upload-start', uppy.getFilesByIds(ids))
    })
    const a = add(uppy, makeFile('a.png'))
    await uppy.upload()
    const b = add(uppy, makeFile('b.png'))
    await uppy.upload()
    expect(batches).toEqual([[a], [b]])
  })

  it('upload() leaves out files an unsettled upload holds, though they are not marked started yet', async () => {
    // the bridge marks files started over several tasks: until its uploader settles, this keeps them out
    const uppy = make()
    const batches: string[][] = []
    let release!: () => void
    uppy.addUploader(async (ids) => {
      batches.push([...ids])
      if (batches.length === 1) await new Promise<void>((r) => (release = r))
    })
    const a = add(uppy, makeFile('a.png'))
    const first = uppy.upload()
    await new Promise((r) => setTimeout(r, 5))
    const b = add(uppy, makeFile('b.png'))
    await uppy.upload()
    release()
    await first
    expect(batches).toEqual([[a], [b]])
  })

  it('upload() waits for the uploader to settle', async () => {
    const uppy = make()
    let release!: () => void
    uppy.addUploader(() => new Promise<void>((r) => (release = r)))
    add(uppy, makeFile('a.png'))
    const done = vi.fn()
    const running = uppy.upload().then(done)
    await new Promise((r) => setTimeout(r, 5))
    expect(done).not.toHaveBeenCalled()
    release()
    await running
    expect(done).toHaveBeenCalled()
  })

  it('addFiles keeps each Blob as file.data, skips per-file refusals without throwing, and refuses a batch over a total limit', () => {
    const uppy = make({ maxFileSize: 50, maxNumberOfFiles: 3 })
    const ok = makeFile('ok.png', 10)
    const big = makeFile('big.png', 100)
    uppy.addFiles([ok, big].map((file) => ({ name: file.name, type: file.type, data: file })))
    expect(uppy.getFiles().map((file) => file.data)).toEqual([ok])
    const batch = ['a', 'b', 'c'].map((name) => makeFile(`${name}.png`, 10))
    uppy.addFiles(batch.map((file) => ({ name: file.name, type: file.type, data: file })))
    expect(uppy.getFiles()).toHaveLength(1) // 1 + 3 > 3: the whole batch is refused, not cut
  })

  it('removeFile emits file-removed with the file and frees its place', () => {
    const uppy = make({ maxNumberOfFiles: 1 })
    const removed = vi.fn()
    uppy.on('file-removed', removed)
    const file = makeFile('a.png')
    const id = add(uppy, file)
    uppy.removeFile(id)
    expect(removed.mock.calls[0]?.[0]).toMatchObject({ id })
    expect(() => add(uppy, file)).not.toThrow()
  })

  it('our linear add makes the same file record as Uppy’s own addFile (#transformFile)', () => {
    const bridge = createUppyBridge(
      {},
      () => {},
      () => realTimers,
    )
    const reference = new Uppy({
      id: bridge.uppy.getID(),
      logger: { debug: () => {}, warn: () => {}, error: () => {} },
    })
    for (const file of [makeFile('a.png', 10), new File([new Uint8Array(3)], 'b.JPG'), new Blob(['x'])]) {
      const name = file instanceof File ? file.name : 'file'
      const [outcome] = bridge.addAll([{ data: file, name }], { count: 0, bytes: 0 })
      const ours = bridge.uppy.getFile((outcome as { file: { id: string } }).file.id)
      const theirs = reference.getFile(reference.addFile({ name, type: file.type, data: file }))
      expect(ours).toEqual(theirs)
    }
    bridge.destroy()
  })

  it('validateSingleFile answers our code; checkIfFileAlreadyExists sees files put in with setState', () => {
    const uppy = make({ maxFileSize: 5 })
    const id = add(uppy, makeFile('a.png', 3))
    expect(uppy.checkIfFileAlreadyExists(id)).toBe(true)
    const big = { ...uppy.getFile(id), size: 10 }
    expect(uppy.validateSingleFile(big)).toBe('FILE_TOO_LARGE')
    expect(uppy.validateSingleFile(uppy.getFile(id))).toBeNull()
  })

  it('upload() builds an error per file for its meta-field check before its first await (the bridge turns stack capture off for that part only)', async () => {
    const uppy = make()
    uppy.addUploader(async () => {})
    add(uppy, makeFile('a.txt'))
    add(uppy, makeFile('b.txt'))
    const translate = uppy.i18n
    const built: number[] = []
    uppy.i18n = ((key: string, ...rest: unknown[]) => {
      if (key === 'missingRequiredMetaFieldOnFile') built.push(Error.stackTraceLimit)
      return (translate as (key: string, ...rest: unknown[]) => string)(key, ...rest)
    }) as typeof uppy.i18n
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    const pending = uppy.upload()
    Error.stackTraceLimit = limit
    expect(built).toEqual([0, 0]) // both, synchronously, inside the window
    await pending
  })

  it('the bridge restores the stack limit after upload()', async () => {
    const limit = Error.stackTraceLimit
    const bridge = createUppyBridge(
      {},
      () => {},
      () => realTimers,
    )
    bridge.addAll([{ data: makeFile('a.txt'), name: 'a.txt' }], { count: 0, bytes: 0 })
    await bridge.upload()
    expect(Error.stackTraceLimit).toBe(limit)
    bridge.destroy()
  })

  it('schedules its online check as "bound updateOnlineStatus" in 3 s, never cleared (the test-support setup guard relies on the name)', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout')
    const uppy = make()
    const call = spy.mock.calls.find(
      ([fn]) => typeof fn === 'function' && fn.name === 'bound updateOnlineStatus',
    )
    expect(call?.[1]).toBe(3000)
    spy.mockRestore()
    uppy.destroy()
  })

  it('upload() hands over files that were put in with setState, once', async () => {
    const handed: string[][] = []
    const bridge = createUppyBridge(
      {},
      (ids) => handed.push([...ids]),
      () => realTimers,
    )
    const outcomes = bridge.addAll(
      ['a.png', 'b.png'].map((name) => ({ data: makeFile(name), name })),
      { count: 0, bytes: 0 },
    )
    const ids = outcomes.map((o) => (o as { file: { id: string } }).file.id)
    await expect(bridge.upload()).resolves.toEqual(ids)
    await expect(bridge.upload()).resolves.toEqual([])
    expect(handed.filter((batch) => batch.length > 0)).toEqual([ids]) // a second upload() hands over []
    bridge.remove(ids)
    expect(bridge.uppy.getFiles()).toHaveLength(0)
    bridge.destroy()
  })

  it('marks a large hand-over started a slice per task, and hands none of it over twice', async () => {
    const handed: string[][] = []
    let breaks = 0
    const timers = {
      setTimeout: (run: () => void, ms: number) => {
        breaks++
        return realTimers.setTimeout(run, ms)
      },
      clearTimeout: realTimers.clearTimeout,
    }
    const bridge = createUppyBridge(
      {},
      (ids) => handed.push([...ids]),
      () => timers,
    )
    const items = Array.from({ length: 600 }, (_, i) => ({ data: makeFile(`f${i}.png`), name: `f${i}.png` }))
    const ids = bridge
      .addAll(items, { count: 0, bytes: 0 })
      .map((o) => (o as { file: { id: string } }).file.id)
    const first = bridge.upload()
    await Promise.resolve()
    expect(handed).toEqual([ids]) // handed over in the task that called upload(), before any marking
    const meanwhile = await bridge.upload() // while the marking still runs
    await expect(first).resolves.toEqual(ids)
    expect(meanwhile).toEqual([])
    expect(breaks).toBe(3) // 600 files in slices of 250
    expect(bridge.uppy.getFiles().every((file) => file.progress.uploadStarted !== null)).toBe(true)
    await expect(bridge.upload()).resolves.toEqual([])
    bridge.destroy()
  })
})
