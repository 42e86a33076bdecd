import type { MediaInfo } from './media-info.js'
import type { StoredFile } from './types.js'
import type { UploadParams } from './upload-params.js'

/**
 * ImageKit's upload answer: the base fields (OAS `Upload` response / GB-docs), plus the extras the
 * client asked for in `responseFields`. `embeddedMetadata` and `metadata` carry a plausible subset
 * (dimensions, size, format): the emulator does not read EXIF.
 */
export function uploadResponse(
  file: StoredFile,
  params: UploadParams,
  media: MediaInfo,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    fileId: file.fileId,
    name: file.name,
    size: file.size,
    versionInfo: file.versionInfo,
    filePath: file.filePath,
    url: file.url,
    fileType: file.fileType,
  }
  if (file.fileType === 'image') {
    body.height = file.height
    body.width = file.width
    body.thumbnailUrl = file.thumbnailUrl
  }
  body.AITags = null
  if (file.description !== null) body.description = file.description
  if (params.extensions) {
    body.extensionStatus = Object.fromEntries(params.extensions.map((ext) => [ext.name, 'success']))
  }
  return { ...body, ...responseExtras(file, params.responseFields, media) }
}

function responseExtras(file: StoredFile, fields: Set<string>, media: MediaInfo): Record<string, unknown> {
  const extras: Record<string, unknown> = {}
  if (fields.has('tags')) extras.tags = file.tags
  if (fields.has('customCoordinates')) extras.customCoordinates = file.customCoordinates
  if (fields.has('isPrivateFile')) extras.isPrivateFile = file.isPrivateFile
  if (fields.has('isPublished')) extras.isPublished = file.isPublished
  if (fields.has('customMetadata')) extras.customMetadata = file.customMetadata
  if (fields.has('selectedFieldsSchema')) extras.selectedFieldsSchema = {}
  const dimensions = file.width !== null ? { ImageWidth: file.width, ImageHeight: file.height } : {}
  if (fields.has('embeddedMetadata')) extras.embeddedMetadata = dimensions
  if (fields.has('metadata')) {
    extras.metadata = {
      ...(file.width !== null ? { height: file.height, width: file.width } : {}),
      size: file.size,
      format: media.format,
      hasColorProfile: false,
      hasTransparency: false,
      exif: {},
    }
  }
  return extras
}
