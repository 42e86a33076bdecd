import { readEmbeddedMetadata } from './embedded-metadata.js'
import { runExtensions } from './extension-results.js'
import { type ImageFacts, imageFacts } from './image-facts.js'
import type { MediaInfo } from './media-info.js'
import { mediaMetadata, videoFields } from './media-metadata.js'
import type { StoredFile } from './types.js'
import type { UploadParams } from './upload-params.js'

/** The parts of the answer only decoding the image tells; read once, and only when asked for. */
async function factsIfNeeded(file: StoredFile, params: UploadParams, media: MediaInfo) {
  const needed = params.extensions !== null || params.responseFields.has('metadata')
  return needed ? imageFacts(file.diskPath, media) : undefined
}

/**
 * ImageKit's upload answer (OAS v1.0.0.yaml `Upload`, examples `UploadResponseImage`,
 * `UploadResonseVideo`, `UploadResponseWithEmbeddedMetadata`): the base fields, an image's size and
 * EXIF `orientation` (when the file has one; the GB-docs php capture of a JPEG without it has none),
 * a video's streams, what the extensions produced, and the `responseFields` extras.
 */
export async function uploadResponse(
  file: StoredFile,
  params: UploadParams,
  media: MediaInfo,
): Promise<Record<string, unknown>> {
  const facts = await factsIfNeeded(file, params, media)
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
    if (media.orientation !== undefined) body.orientation = media.orientation
    body.thumbnailUrl = file.thumbnailUrl
  }
  if (media.video) Object.assign(body, videoFields(media.video))
  const extensions = params.extensions ? runExtensions(params.extensions, facts) : undefined
  body.AITags = extensions?.AITags ?? null
  const description = file.description ?? extensions?.description
  if (description !== undefined) body.description = description
  if (extensions) body.extensionStatus = extensions.extensionStatus
  return { ...body, ...(await responseExtras(file, params.responseFields, media, facts)) }
}

async function responseExtras(
  file: StoredFile,
  fields: Set<string>,
  media: MediaInfo,
  facts: ImageFacts | undefined,
): Promise<Record<string, unknown>> {
  const extras: Record<string, unknown> = {}
  if (fields.has('tags')) extras.tags = file.tags
  if (fields.has('customCoordinates')) extras.customCoordinates = file.customCoordinates
  if (fields.has('isPrivateFile')) extras.isPrivateFile = file.isPrivateFile
  if (fields.has('isPublished')) extras.isPublished = file.isPublished
  if (fields.has('customMetadata')) extras.customMetadata = file.customMetadata
  if (fields.has('selectedFieldsSchema')) extras.selectedFieldsSchema = {}
  if (fields.has('metadata')) extras.metadata = await mediaMetadata(file.diskPath, file.size, media, facts)
  if (fields.has('embeddedMetadata')) {
    // The real EXIF / IPTC / XMP of images (exifr); other files answer an empty object (GUESS).
    extras.embeddedMetadata =
      file.fileType === 'image' ? (await readEmbeddedMetadata(file.diskPath)).embedded : {}
  }
  return extras
}
