import { extname } from 'node:path'
import { mediaInfo } from './media-info.js'
import { mediaMetadata } from './media-metadata.js'
import type { StoredFile } from './types.js'

const MIME_FORMAT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/svg+xml': 'svg',
  'image/x-icon': 'ico',
  'image/vnd.adobe.photoshop': 'psd',
}

/** `jpg`, `png`, `pdf`…: from the detected mime type for images, from the name otherwise. */
export function fileFormat(file: Pick<StoredFile, 'mime' | 'name' | 'fileType'>): string {
  if (file.fileType === 'image') return MIME_FORMAT[file.mime] ?? file.mime.replace(/^image\//, '')
  return extname(file.name).slice(1).toLowerCase()
}

/**
 * ImageKit's file object (OAS `FileDetails`; GB-docs media-api/README.md "File object structure";
 * `File` in @imagekit/nodejs src/resources/files/files.ts), as list, details, update and the
 * `file.*` webhooks answer it. Not emulated: `AITags` (always null: extension results are in the
 * upload answer only), `embeddedMetadata`, `hasAlpha` (always false). GUESS: non-images carry no `thumbnail`, `width`, `height` or `hasAlpha`.
 */
export function fileDetails(file: StoredFile): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: 'file',
    name: file.name,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
    fileId: file.fileId,
    tags: file.tags,
    AITags: null,
    versionInfo: file.versionInfo,
    customCoordinates: file.customCoordinates,
    customMetadata: file.customMetadata,
    isPrivateFile: file.isPrivateFile,
    isPublished: file.isPublished,
    url: file.url,
  }
  if (file.description !== null) body.description = file.description
  if (file.fileType === 'image') body.thumbnail = file.thumbnailUrl
  Object.assign(body, { fileType: file.fileType, filePath: file.filePath })
  if (file.fileType === 'image') Object.assign(body, { height: file.height, width: file.width })
  body.size = file.size
  if (file.fileType === 'image') body.hasAlpha = false
  body.mime = file.mime
  return body
}

/**
 * GET /v1/files/{fileId}/metadata (OAS `ImageMetadata` / `VideoMetadata` examples; `Metadata` in
 * files.ts), read again from the stored bytes: the same `metadata` the upload answer carries.
 */
export async function fileMetadata(
  file: Pick<StoredFile, 'mime' | 'name' | 'diskPath' | 'size'>,
): Promise<Record<string, unknown>> {
  const media = await mediaInfo(file.diskPath, file.name, file.mime)
  return mediaMetadata(file.diskPath, file.size, media)
}
