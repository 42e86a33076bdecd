import { readEmbeddedMetadata } from './embedded-metadata.js'
import { type ImageFacts, imageFacts, imageMetadata } from './image-facts.js'
import type { MediaInfo } from './media-info.js'
import type { VideoInfo } from './video-probe.js'

/** The OAS video fields, in the order of its `UploadResonseVideo` example. */
export function videoFields(video: VideoInfo): Record<string, unknown> {
  const fields: Record<string, unknown> = { height: video.height, width: video.width }
  Object.assign(fields, { bitRate: video.bitRate, duration: video.duration })
  if (video.audioCodec !== undefined) fields.audioCodec = video.audioCodec
  fields.videoCodec = video.videoCodec
  return fields
}

/**
 * OAS `Metadata` of any stored file, from its bytes: images as `imageMetadata`; videos their stream
 * fields and size (OAS `VideoMetadata` example, which has no `format`); anything else `{ size,
 * format }` (GUESS). `facts` may be passed when the caller already read them.
 */
export async function mediaMetadata(
  path: string,
  size: number,
  media: MediaInfo,
  facts?: ImageFacts,
): Promise<Record<string, unknown>> {
  const image = facts ?? (await imageFacts(path, media))
  if (image) return imageMetadata(image, size, await readEmbeddedMetadata(path))
  if (media.video) return { ...videoFields(media.video), size }
  return { size, format: media.format.toLowerCase() }
}
