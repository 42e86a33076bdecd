import { messages } from '../../src/messages.js'
import type { Answer } from '../helpers.js'
import { api, type MessageCases, UNKNOWN_ID, uploadedId } from './message-requests.js'

const ids = (count: number) => Array.from({ length: count }, (_, i) => i.toString(16).padStart(24, '0'))
const list = (query: string) => (h: Parameters<typeof api>[0]) => api(h, 'GET', `/v1/files?${query}`)

/** Media API messages (OAS v1.0.0.yaml 400/403/404 examples of each /v1/files path, and the GUESSes). */
export const mediaCases: MessageCases = {
  fileNotFound: {
    status: 404,
    message: messages.fileNotFound,
    send: (h) => api(h, 'GET', `/v1/files/${UNKNOWN_ID}/details`),
  },
  filesNotFound: {
    status: 404,
    message: messages.filesNotFound,
    send: (h) => api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: { fileIds: [UNKNOWN_ID] } }),
  },
  metadataNotFound: {
    status: 404,
    message: messages.metadataNotFound,
    send: (h) => api(h, 'GET', `/v1/files/${UNKNOWN_ID}/metadata`),
  },
  invalidFileId: {
    status: 400,
    message: messages.invalidFileId,
    send: (h) => api(h, 'GET', '/v1/files/not-an-id/details'),
  },
  invalidCustomMetadata: {
    status: 400,
    message: messages.invalidCustomMetadata,
    send: async (h) =>
      api(h, 'PATCH', `/v1/files/${await uploadedId(h)}/details`, { body: { customMetadata: 7 } }),
  },
  fileIdsMissing: {
    status: 400,
    message: messages.fileIdsMissing,
    send: (h) => api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: {} }),
  },
  fileIdsNotArray: {
    status: 400,
    message: messages.fileIdsNotArray,
    send: (h) => api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: { fileIds: UNKNOWN_ID } }),
  },
  fileIdsEmpty: {
    status: 400,
    message: messages.fileIdsEmpty,
    send: (h) => api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: { fileIds: [] } }),
  },
  tooManyToDelete: {
    status: 400,
    message: messages.tooManyToDelete,
    send: (h) => api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: { fileIds: ids(101) } }),
  },
  tooManyToEdit: {
    status: 400,
    message: messages.tooManyToEdit,
    send: (h) => api(h, 'POST', '/v1/files/addTags', { body: { fileIds: ids(51), tags: ['a'] } }),
  },
  tagsMissing: {
    status: 400,
    message: messages.tagsMissing,
    send: async (h) => api(h, 'POST', '/v1/files/addTags', { body: { fileIds: [await uploadedId(h)] } }),
  },
  tagsEmpty: {
    status: 400,
    message: messages.tagsEmpty,
    send: async (h) =>
      api(h, 'POST', '/v1/files/addTags', { body: { fileIds: [await uploadedId(h)], tags: [] } }),
  },
  tagsTooLong: {
    status: 400,
    message: messages.tagsTooLong,
    send: async (h) =>
      api(h, 'POST', '/v1/files/addTags', {
        body: { fileIds: [await uploadedId(h)], tags: ['x'.repeat(501)] },
      }),
  },
  skipTooSmall: { status: 400, message: messages.skipTooSmall('-1'), send: list('skip=-1') },
  limitTooSmall: { status: 400, message: messages.limitTooSmall('0'), send: list('limit=0') },
  limitTooLarge: { status: 400, message: messages.limitTooLarge('1001'), send: list('limit=1001') },
  invalidSort: { status: 400, message: messages.invalidSort, send: list('sort=ASC_NOTHING') },
  invalidType: { status: 400, message: messages.invalidType, send: list('type=everything') },
  invalidFileType: { status: 400, message: messages.invalidFileType, send: list('fileType=pictures') },
  invalidSearchQuery: {
    status: 400,
    message: messages.invalidSearchQuery,
    send: list(`searchQuery=${encodeURIComponent('name = ')}`),
  },
  invalidJsonBody: {
    status: 400,
    message: messages.invalidJsonBody,
    send: (h) => api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: '{"fileIds": [' }),
  },
  bodyTooLarge: {
    status: 400,
    message: messages.bodyTooLarge,
    send: (h) =>
      api(h, 'POST', '/v1/files/batch/deleteByFileIds', { body: { pad: 'x'.repeat(1024 * 1024) } }),
  },
  keyNoMediaAccess: {
    status: 403,
    message: messages.keyNoMediaAccess,
    send: (h) => {
      const none = h.emu.keys.add({ type: 'restricted', mediaAccess: 'none' })
      return api(h, 'GET', '/v1/files', { privateKey: none.privateKey })
    },
  },
  rateLimited: {
    status: 429,
    message: messages.rateLimited,
    options: { rateLimits: { default: [{ limit: 1, intervalMs: 60_000 }] } },
    send: async (h) => {
      await api(h, 'GET', '/v1/files')
      return api(h, 'GET', '/v1/files')
    },
  },
  notFound: {
    status: 404,
    message: messages.notFound,
    send: async (h): Promise<Answer> => {
      const response = await fetch(`${h.emu.url}/no/such/route`)
      return { status: response.status, headers: response.headers, body: await response.json() }
    },
  },
  methodNotAllowed: {
    status: 405,
    message: messages.methodNotAllowed,
    send: async (h): Promise<Answer> => {
      const response = await fetch(h.emu.uploadUrl)
      return { status: response.status, headers: response.headers, body: await response.json() }
    },
  },
}
