import { existsSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, HELP, harness, stopHarness } from './helpers.js'
import { api, upload, uploadImage } from './media-helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
})
afterEach(() => stopHarness(h))

const MISSING_ID = '0123456789abcdef01234567'
const notFound = { message: 'The requested file does not exist.', help: HELP }

describe('one file: details, metadata, update, delete', () => {
  it('GET /v1/files/{fileId}/details answers the file object; 404 and 400 as the OAS lists', async () => {
    const { fileId } = await uploadImage(h, 'photo.png', 30, 20, { tags: 'a' })
    const answer = await api(h, 'GET', `/v1/files/${fileId}/details`)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      fileId,
      type: 'file',
      name: 'photo.png',
      width: 30,
      height: 20,
      tags: ['a'],
    })
    expect(await api(h, 'GET', `/v1/files/${MISSING_ID}/details`)).toMatchObject({
      status: 404,
      body: notFound,
    })
    const bad = await api(h, 'GET', '/v1/files/not-an-id/details')
    expect(bad).toMatchObject({
      status: 400,
      body: { message: 'Your request contains invalid fileId parameter.' },
    })
  })

  it('GET /v1/files/{fileId}/metadata answers what the emulator knows of the image', async () => {
    const { fileId } = await uploadImage(h, 'photo.png', 30, 20)
    const answer = await api(h, 'GET', `/v1/files/${fileId}/metadata`)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      width: 30,
      height: 20,
      format: 'png',
      hasTransparency: false,
      exif: {},
    })
    expect(await api(h, 'GET', `/v1/files/${MISSING_ID}/metadata`)).toMatchObject({
      status: 404,
      body: { message: 'The requested file does not exist or is inaccessible at this time.' },
    })
  })

  it('PATCH /v1/files/{fileId}/details sets tags, coordinates, description; merges and unsets custom metadata', async () => {
    const { fileId } = await upload(h, 'doc.txt', { customMetadata: '{"brand":"Nike","color":"red"}' })
    h.clock.now += 5000
    const body = {
      tags: ['x', 'y'],
      customCoordinates: '10,10,100,100',
      customMetadata: { color: null, size: 'M' },
      description: 'a doc',
      extensions: [{ name: 'google-auto-tagging', maxTags: 5, minConfidence: 80 }],
    }
    const answer = await api(h, 'PATCH', `/v1/files/${fileId}/details`, { body })
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({
      fileId,
      tags: ['x', 'y'],
      customCoordinates: '10,10,100,100',
      customMetadata: { brand: 'Nike', size: 'M' },
      description: 'a doc',
      updatedAt: new Date(h.clock.now).toISOString(),
      extensionStatus: { 'google-auto-tagging': 'success' },
    })
    expect((await h.emu.files())[0]).toMatchObject({
      tags: ['x', 'y'],
      customMetadata: { brand: 'Nike', size: 'M' },
    })
    const cleared = await api(h, 'PATCH', `/v1/files/${fileId}/details`, { body: { tags: null } })
    expect(cleared.body).toMatchObject({ tags: null })
    const unpublished = await api(h, 'PATCH', `/v1/files/${fileId}/details`, {
      body: { publish: { isPublished: false } },
    })
    expect(unpublished.body).toMatchObject({ isPublished: false })
  })

  it('PATCH refuses bad bodies with a 400, and unknown files with a 404', async () => {
    const { fileId } = await upload(h, 'doc.txt')
    const patch = (body: unknown) => api(h, 'PATCH', `/v1/files/${fileId}/details`, { body })
    expect((await patch({ customMetadata: 'red' })).body).toEqual({
      message: 'Invalid custom metadata.',
      help: HELP,
    })
    expect((await patch({ tags: 'a,b' })).status).toBe(400)
    expect((await patch({ tags: ['t'.repeat(501)] })).body).toMatchObject({
      message: expect.stringContaining('less than or equal to 500'),
    })
    expect((await patch({ customCoordinates: 'middle' })).status).toBe(400)
    expect((await patch('{"tags": [')).body).toMatchObject({
      message: 'Your request contains invalid JSON body.',
    })
    expect((await patch({ publish: { isPublished: 'no' } })).status).toBe(400)
    const missing = await api(h, 'PATCH', `/v1/files/${MISSING_ID}/details`, { body: { tags: ['a'] } })
    expect(missing).toMatchObject({ status: 404, body: notFound })
    expect((await h.emu.files())[0]?.tags).toBeNull()
  })

  it('DELETE /v1/files/{fileId} answers 204, removes record and bytes, then 404', async () => {
    const { fileId } = await upload(h, 'gone.txt')
    const [stored] = await h.emu.files()
    expect(existsSync(stored?.diskPath ?? '')).toBe(true)
    const answer = await api(h, 'DELETE', `/v1/files/${fileId}`)
    expect(answer).toMatchObject({ status: 204, body: null })
    expect(await h.emu.files()).toEqual([])
    expect(existsSync(stored?.diskPath ?? '')).toBe(false)
    expect((await fetch(stored?.url ?? '')).status).toBe(404)
    expect(await api(h, 'DELETE', `/v1/files/${fileId}`)).toMatchObject({ status: 404, body: notFound })
  })

  it('a change survives a restart (it is journaled)', async () => {
    const { fileId } = await upload(h, 'kept.txt')
    const { fileId: goneId } = await upload(h, 'gone.txt')
    await api(h, 'PATCH', `/v1/files/${fileId}/details`, { body: { tags: ['kept'] } })
    await api(h, 'DELETE', `/v1/files/${goneId}`)
    await h.emu.stop()
    h = await harness({ dataDir: h.dir })
    expect((await h.emu.files()).map((file) => [file.name, file.tags])).toEqual([['kept.txt', ['kept']]])
  })

  it('answers 405 with Allow for another method, 404 for paths it does not emulate', async () => {
    const { fileId } = await upload(h, 'doc.txt')
    const wrong = await api(h, 'PUT', `/v1/files/${fileId}/details`, { body: {} })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET, PATCH, OPTIONS')
    expect((await api(h, 'POST', '/v1/files/copy', { body: {} })).status).toBe(404)
  })
})

describe('bulk: delete, add tags, remove tags', () => {
  it('POST /v1/files/batch/deleteByFileIds deletes them all', async () => {
    const ids = [(await upload(h, 'a.txt')).fileId, (await upload(h, 'b.txt')).fileId]
    const answer = await api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: { fileIds: ids } })
    expect(answer).toMatchObject({ status: 200, body: { successfullyDeletedFileIds: ids } })
    expect(await h.emu.files()).toEqual([])
  })

  it('a missing id answers 404 with missingFileIds and deletes nothing', async () => {
    const { fileId } = await upload(h, 'a.txt')
    const answer = await api(h, 'POST', '/v1/files/batch/deleteByFileIds', {
      body: { fileIds: [fileId, MISSING_ID] },
    })
    expect(answer).toMatchObject({
      status: 404,
      body: { message: 'The requested file(s) does not exist.', help: HELP, missingFileIds: [MISSING_ID] },
    })
    expect(await h.emu.files()).toHaveLength(1)
  })

  it.each([
    ['fileIds parameter is missing.', {}],
    ['fileIds should be an Array.', { fileIds: 'abc' }],
    ['fileIds is empty.', { fileIds: [] }],
    ['fileIds cannot have more than 100 items.', { fileIds: Array.from({ length: 101 }, () => MISSING_ID) }],
  ])('bulk delete answers 400 "%s"', async (message, body) => {
    const answer = await api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body })
    expect(answer).toMatchObject({ status: 400, body: { message, help: HELP } })
  })

  it('POST /v1/files/addTags and /removeTags edit the tags of every file named', async () => {
    const a = await upload(h, 'a.txt', { tags: 'old' })
    const b = await upload(h, 'b.txt')
    const fileIds = [a.fileId, b.fileId]
    const added = await api(h, 'POST', '/v1/files/addTags', { body: { fileIds, tags: ['new', 'old'] } })
    expect(added).toMatchObject({ status: 200, body: { successfullyUpdatedFileIds: fileIds } })
    expect((await h.emu.files()).map((file) => file.tags)).toEqual([
      ['old', 'new'],
      ['new', 'old'],
    ])
    const removed = await api(h, 'POST', '/v1/files/removeTags', { body: { fileIds, tags: ['old', 'new'] } })
    expect(removed).toMatchObject({ status: 200, body: { successfullyUpdatedFileIds: fileIds } })
    expect((await h.emu.files()).map((file) => file.tags)).toEqual([null, null])
  })

  it.each([
    ['fileIds parameter is missing.', { tags: ['a'] }],
    ['tags parameter is missing.', { fileIds: ['x'] }],
    ['tags array cannot be empty.', { fileIds: ['x'], tags: [] }],
    [
      'A maximum of 50 files can be edited at a time.',
      { fileIds: Array.from({ length: 51 }, () => MISSING_ID), tags: ['a'] },
    ],
  ])('addTags answers 400 "%s"', async (message, body) => {
    const { fileId } = await upload(h, 'a.txt')
    const withId = 'fileIds' in body && body.fileIds?.[0] === 'x' ? { ...body, fileIds: [fileId] } : body
    const answer = await api(h, 'POST', '/v1/files/addTags', { body: withId })
    expect(answer).toMatchObject({ status: 400, body: { message } })
  })
})
