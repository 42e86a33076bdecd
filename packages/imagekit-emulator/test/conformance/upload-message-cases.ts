import { rmSync } from 'node:fs'
import { vi } from 'vitest'
import { updateThrottledFault } from '../../src/fault-presets.js'
import { messages } from '../../src/messages.js'
import { type Answer, basic, form, png, post, rawPost, signed, uploadV1 } from '../helpers.js'
import { blob, tinyMp4 } from '../media-fixtures.js'
import {
  closedPort,
  expireIn,
  jwt,
  type MessageCases,
  signedBy,
  signedFormWith,
  uploadV2,
  withSilentServer,
} from './message-requests.js'

const notJsonAnswer = (raw: { status: number; body: string }): Answer => ({
  status: raw.status,
  headers: new Headers(),
  body: JSON.parse(raw.body),
})

/** Upload API messages (OAS 400/401/403 lists of /api/v1 and /api/v2/files/upload, and the GUESSes). */
export const uploadCases: MessageCases = {
  missingFile: { status: 400, message: messages.missingFile, send: (h) => uploadV1(h, { file: undefined }) },
  bothAuth: {
    status: 400,
    message: messages.bothAuth,
    send: (h) =>
      post(h.emu.uploadUrl, form({ file: new Blob(['x']), fileName: 'a.txt', ...signed(h) }), {
        Authorization: basic(h.emu.keys.primary.privateKey),
      }),
  },
  invalidExpire: {
    status: 400,
    message: messages.invalidExpire,
    send: (h) => uploadV1(h, {}, { expire: expireIn(h, 2 * 3600) }),
  },
  tokenUsed: {
    status: 400,
    message: messages.tokenUsed('the-same-token'),
    send: async (h) => {
      await uploadV1(h, {}, { token: 'the-same-token' })
      return uploadV1(h, {}, { token: 'the-same-token' })
    },
  },
  conflict: {
    status: 400,
    message: messages.conflict,
    send: async (h) => {
      const fields = { useUniqueFileName: 'false', overwriteFile: 'false' }
      await uploadV1(h, fields)
      return uploadV1(h, fields)
    },
  },
  fileTooLarge: {
    status: 400,
    message: messages.fileTooLarge,
    options: { maxFileSize: 4 },
    send: (h) => uploadV1(h),
  },
  uploadLimit: {
    status: 403,
    message: messages.uploadLimit,
    options: { storageQuota: 4 },
    send: (h) => uploadV1(h),
  },
  invalidTransformation: {
    status: 400,
    message: messages.invalidTransformation,
    send: (h) => uploadV1(h, { transformation: '{"pre": 7}' }),
  },
  transformationFileType: {
    status: 400,
    message: messages.transformationFileType,
    send: (h) => uploadV1(h, { transformation: '{"pre":"w-100"}' }),
  },
  postTransformationIncompatible: {
    status: 400,
    message: messages.postTransformationIncompatible,
    send: async (h) =>
      uploadV1(h, {
        file: await png(4, 4),
        fileName: 'p.png',
        transformation: JSON.stringify({ post: [{ type: 'thumbnail', value: 'w-100' }] }),
      }),
  },
  updateThrottled: {
    status: 400,
    message: messages.updateThrottled,
    send: (h) => {
      h.emu.faults.add({ times: 1, action: updateThrottledFault() })
      return uploadV1(h)
    },
  },
  preTransformationQueued: {
    status: 202,
    message: messages.preTransformationQueued,
    help: false,
    send: (h) =>
      uploadV1(h, {
        file: blob(tinyMp4(), 'video/mp4'),
        fileName: 'clip.mp4',
        transformation: JSON.stringify({ pre: 'w-200' }),
      }),
  },
  invalidExtensions: {
    status: 400,
    message: messages.invalidExtensions('maxTags is required for google-auto-tagging.'),
    send: (h) => uploadV1(h, { extensions: '[{"name":"google-auto-tagging","minConfidence":50}]' }),
  },
  remoteUnreachable: {
    status: 400,
    message: messages.remoteUnreachable,
    send: async (h) => uploadV1(h, { file: `http://127.0.0.1:${await closedPort()}/a.txt` }),
  },
  remoteTimeout: {
    status: 400,
    message: messages.remoteTimeout,
    options: { remoteFile: { headersTimeoutMs: 100 } },
    send: (h) => withSilentServer((url) => uploadV1(h, { file: `${url}/a.txt` })),
  },
  remoteScheme: {
    status: 400,
    message: messages.remoteScheme,
    send: (h) => uploadV1(h, { file: 'ftp://example.com/a.txt' }),
  },
  checksSyntax: {
    status: 400,
    message: messages.checksSyntax("Unknown field 'nope.size' at character 1."),
    send: (h) => uploadV1(h, { checks: '"nope.size" < 5' }),
  },
  checksFailed: {
    status: 400,
    message: messages.checksFailed,
    send: (h) => uploadV1(h, { checks: '"file.size" < 5' }),
  },
  noPrivateKey: {
    status: 401,
    message: messages.noPrivateKey,
    send: (h) => post(h.emu.uploadUrl, form({ file: new Blob(['x']), fileName: 'a.txt' })),
  },
  notAuthenticated: {
    status: 403,
    message: messages.notAuthenticated,
    send: (h) => uploadV1(h, {}, { publicKey: 'public_not-a-key' }),
  },
  expiredPrivateKey: {
    status: 403,
    message: messages.expiredPrivateKey,
    send: (h) => {
      const old = h.emu.keys.primary
      h.emu.keys.roll(old.publicKey, { expiresInMs: 0 })
      const data = form({ file: new Blob(['x']), fileName: 'a.txt' })
      return post(h.emu.uploadUrl, data, { Authorization: basic(old.privateKey) })
    },
  },
  expiredPublicKey: {
    status: 403,
    message: messages.expiredPublicKey,
    send: (h) => {
      const old = h.emu.keys.primary
      h.emu.keys.roll(old.publicKey, { expiresInMs: 0 })
      return uploadV1(h, {}, signedBy(old, expireIn(h, 600)))
    },
  },
  accountDisabled: {
    status: 403,
    message: messages.accountDisabled,
    send: (h) => {
      h.emu.setAccountDisabled(true)
      return uploadV1(h)
    },
  },
  keyNotPermitted: {
    status: 403,
    message: messages.keyNotPermitted,
    send: (h) => {
      const reader = h.emu.keys.add({ type: 'restricted', mediaAccess: 'read' })
      return uploadV1(h, {}, signedBy(reader, expireIn(h, 600)))
    },
  },
  invalidSignature: {
    status: 400,
    message: messages.invalidSignature,
    send: (h) => uploadV1(h, {}, { signature: '0'.repeat(40) }),
  },
  missingParam: {
    status: 400,
    message: messages.missingParam('fileName'),
    send: (h) => uploadV1(h, { fileName: undefined, file: new Blob(['x']) }),
  },
  invalidParam: {
    status: 400,
    message: messages.invalidParam('useUniqueFileName'),
    send: (h) => uploadV1(h, { useUniqueFileName: 'yes' }),
  },
  emptyFile: { status: 400, message: messages.emptyFile, send: (h) => uploadV1(h, { file: new Blob([]) }) },
  malformedBody: {
    status: 400,
    message: messages.malformedBody,
    send: async (h) =>
      notJsonAnswer(await rawPost(h.emu.uploadUrl, { 'Content-Type': 'multipart/form-data' }, 'x')),
  },
  tooManyFiles: {
    status: 400,
    message: messages.tooManyFiles,
    send: (h) => post(h.emu.uploadUrl, signedFormWith(h, [['file', new Blob(['two'])]])),
  },
  tooManyParameters: {
    status: 400,
    message: messages.tooManyParameters,
    send: (h) => {
      const many = Array.from({ length: 150 }, (_, i): [string, string] => [`field${i}`, 'v'])
      return post(h.emu.uploadUrl, signedFormWith(h, many))
    },
  },
  faultStatus: {
    status: 409,
    message: messages.faultStatus(409),
    send: (h) => {
      h.emu.faults.add({ times: 1, action: { type: 'status', status: 409 } })
      return uploadV1(h)
    },
  },
  internal: {
    status: 500,
    message: messages.internal,
    send: async (h) => {
      // An error no rule foresaw: the data dir is gone when a base64 `file` is written to it.
      rmSync(h.dir, { recursive: true, force: true })
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      try {
        return await uploadV1(h, { file: Buffer.from('hello').toString('base64') })
      } finally {
        quiet.mockRestore()
      }
    },
  },
  v2MissingToken: {
    status: 400,
    message: messages.v2MissingToken,
    send: (h) => uploadV2(h, { fileName: 'a.txt' }),
  },
  v2ExpiredToken: {
    status: 400,
    message: messages.v2ExpiredToken,
    send: async (h) =>
      uploadV2(h, { fileName: 'a.txt', token: await jwt(h, { fileName: 'a.txt' }, 600, 1200) }),
  },
  v2InvalidToken: {
    status: 400,
    message: messages.v2InvalidToken,
    send: (h) => uploadV2(h, { fileName: 'a.txt', token: 'not-a-jwt' }),
  },
  v2PayloadMismatch: {
    status: 400,
    message: messages.v2PayloadMismatch,
    send: async (h) => uploadV2(h, { fileName: 'b.txt', token: await jwt(h, { fileName: 'a.txt' }) }),
  },
  v2BothAuth: {
    status: 400,
    message: messages.v2BothAuth,
    send: async (h) =>
      uploadV2(
        h,
        { fileName: 'a.txt', token: await jwt(h, { fileName: 'a.txt' }) },
        { Authorization: basic(h.emu.keys.primary.privateKey) },
      ),
  },
}
