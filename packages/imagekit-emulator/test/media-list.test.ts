import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, HELP, harness, stopHarness } from './helpers.js'
import { list, names, upload, uploadImage } from './media-helpers.js'

let h: Harness
beforeEach(async () => {
  h = await harness()
  // Three files a minute apart: a.txt (small), /shop/b.png 40×10, /shop/deep/c.png 10×40.
  await upload(h, 'a.txt', { tags: 'sale,blue' })
  h.clock.now += 60_000
  await uploadImage(h, 'b.png', 40, 10, { folder: '/shop', tags: 'sale', customMetadata: '{"brand":"Nike"}' })
  h.clock.now += 60_000
  await uploadImage(h, 'c.png', 10, 40, { folder: '/shop/deep', isPrivateFile: 'true' })
})
afterEach(() => stopHarness(h))

describe('GET /v1/files: list and search', () => {
  it('lists every file as ImageKit file objects, oldest first', async () => {
    const answer = await list(h)
    expect(answer.status).toBe(200)
    expect(names(answer)).toEqual(['a.txt', 'b.png', 'c.png'])
    const [text, image] = answer.body as Record<string, unknown>[]
    expect(image).toMatchObject({
      type: 'file',
      name: 'b.png',
      filePath: '/shop/b.png',
      fileType: 'image',
      mime: 'image/png',
      width: 40,
      height: 10,
      tags: ['sale'],
      AITags: null,
      customCoordinates: null,
      customMetadata: { brand: 'Nike' },
      isPrivateFile: false,
      isPublished: true,
      hasAlpha: false,
      url: `${h.emu.urlEndpoint}/shop/b.png`,
      thumbnail: `${h.emu.urlEndpoint}/tr:n-ik_ml_thumbnail/shop/b.png`,
      versionInfo: { name: 'Version 1' },
    })
    expect(image?.fileId).toMatch(/^[0-9a-f]{24}$/)
    expect(text).toMatchObject({ fileType: 'non-image', mime: 'text/plain', tags: ['sale', 'blue'] })
    expect(text).not.toHaveProperty('thumbnail')
  })

  it('sorts by name, created, size, width and height, both ways', async () => {
    expect(names(await list(h, { sort: 'DESC_CREATED' }))).toEqual(['c.png', 'b.png', 'a.txt'])
    expect(names(await list(h, { sort: 'DESC_NAME' }))).toEqual(['c.png', 'b.png', 'a.txt'])
    expect(names(await list(h, { sort: 'ASC_WIDTH' }))).toEqual(['a.txt', 'c.png', 'b.png'])
    expect(names(await list(h, { sort: 'DESC_HEIGHT' }))).toEqual(['c.png', 'b.png', 'a.txt'])
    expect(names(await list(h, { sort: 'ASC_SIZE' }))[0]).toBe('a.txt')
  })

  it('pages with skip and limit', async () => {
    expect(names(await list(h, { skip: '1', limit: '1' }))).toEqual(['b.png'])
    expect(names(await list(h, { skip: '5' }))).toEqual([])
  })

  it('limits to one folder, one level deep, with path', async () => {
    expect(names(await list(h, { path: '/shop/' }))).toEqual(['b.png'])
    expect(names(await list(h, { path: 'shop' }))).toEqual(['b.png'])
    expect(names(await list(h, { path: '/' }))).toEqual(['a.txt'])
  })

  it('filters with fileType, and with the simple tags and name parameters', async () => {
    expect(names(await list(h, { fileType: 'image' }))).toEqual(['b.png', 'c.png'])
    expect(names(await list(h, { fileType: 'non-image' }))).toEqual(['a.txt'])
    expect(names(await list(h, { tags: 'blue,red' }))).toEqual(['a.txt'])
    expect(names(await list(h, { name: 'c.png' }))).toEqual(['c.png'])
    expect(names(await list(h, { type: 'folder' }))).toEqual([])
  })

  it.each([
    ['name = "b.png"', ['b.png']],
    ['name : "b"', ['b.png']],
    ['name IN ["a.txt", "c.png"]', ['a.txt', 'c.png']],
    ['name NOT = "a.txt"', ['b.png', 'c.png']],
    ['tags IN ["sale"]', ['a.txt', 'b.png']],
    ['tags NOT IN ["blue"]', ['b.png', 'c.png']],
    ['type = "file"', ['a.txt', 'b.png', 'c.png']],
    ['type IN ["folder"]', []],
    ['width > 20', ['b.png']],
    ['height <= 10 OR private = true', ['b.png', 'c.png']],
    ['size < "1kb" AND format = "txt"', ['a.txt']],
    ['format IN ["png"] AND NOT_A_FIELD = 1', 'invalid'],
    ['createdAt > "90s"', 'invalid'],
    ['createdAt > "1h"', ['a.txt', 'b.png', 'c.png']],
    ['"customMetadata.brand" = "Nike"', ['b.png']],
    ['(tags IN ["sale"] AND fileType = "x")', 'invalid'],
    ['path : "/shop"', ['b.png', 'c.png']],
    ['(name = "a.txt" OR name = "c.png") AND private = true', ['c.png']],
    ['name = ', 'invalid'],
  ])('searchQuery %s', async (searchQuery, expected) => {
    const answer = await list(h, { searchQuery })
    if (expected === 'invalid') {
      expect(answer.status).toBe(400)
      expect(answer.body).toEqual({
        message: 'Your request contains invalid syntax for the searchQuery parameter.',
        help: HELP,
      })
      return
    }
    expect(answer.status).toBe(200)
    expect(names(answer)).toEqual(expected)
  })

  it('ignores type, tags and name next to a searchQuery (as documented)', async () => {
    expect(names(await list(h, { searchQuery: 'name = "a.txt"', type: 'folder', tags: 'x' }))).toEqual([
      'a.txt',
    ])
  })

  it.each([
    [{ skip: '-1' }, 'The value of skip parameter should be greater than or equal to 0. Value sent is -1.'],
    [{ limit: '0' }, 'Minimum value of limit parameter is 1. Value sent is 0.'],
    [{ limit: '2000' }, 'Maximum value of limit parameter is 1000. Value sent is 2000.'],
    [{ sort: 'BY_MOOD' }, 'Your request contains invalid value for sort parameters.'],
    [
      { type: 'image' },
      'Your request contains invalid value for type parameter. Please provide one of the following: file, file-version, folder, all.',
    ],
  ])('refuses %o with the OAS message', async (query, message) => {
    const answer = await list(h, query)
    expect(answer.status).toBe(400)
    expect(answer.body).toEqual({ message, help: HELP })
  })
})
