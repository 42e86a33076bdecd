import type { MediaInfo } from './media-info.js'
import type { UploadParams } from './upload-params.js'

/**
 * What `checks` can look at, by the docs' field names: `file.*` (the bytes received, the mime the
 * emulator detected), `request.*` (the upload's fields as decoded; `folder` normalised to `/a/b/`)
 * and `mediaMetadata.*` (media-info.ts: width/height of images and MP4 / MOV videos, duration,
 * bit rate and codecs of those videos). `null` is a value the upload does not have.
 */
export interface CheckContext {
  file: { size: number; mime: string }
  request: {
    fileName: string
    folder: string
    tags: readonly string[]
    useUniqueFileName: boolean
    isPrivateFile: boolean
    isPublished: boolean
    customCoordinates: string | null
    webhookUrl: string | null
    overwriteFile: boolean
    overwriteAITags: boolean
    overwriteTags: boolean
    overwriteCustomMetadata: boolean
    customMetadata: Readonly<Record<string, unknown>>
  }
  mediaMetadata: {
    width: number | null
    height: number | null
    duration: number | null
    videoCodec: string | null
    audioCodec: string | null
    bitRate: number | null
  }
}

/** The context of one upload: its decoded fields, the `fileName` as sent, its size and media info. */
export function checkContext(
  params: UploadParams,
  fileName: string,
  size: number,
  media: MediaInfo,
): CheckContext {
  return {
    file: { size, mime: media.mime },
    request: {
      fileName,
      folder: params.folder,
      tags: params.tags ?? [],
      useUniqueFileName: params.useUniqueFileName,
      isPrivateFile: params.isPrivateFile,
      isPublished: params.isPublished,
      customCoordinates: params.customCoordinates,
      webhookUrl: params.webhookUrl,
      overwriteFile: params.overwriteFile,
      overwriteAITags: params.overwriteAITags,
      overwriteTags: params.overwriteTags,
      overwriteCustomMetadata: params.overwriteCustomMetadata,
      customMetadata: params.customMetadata ?? {},
    },
    mediaMetadata: {
      width: media.width,
      height: media.height,
      duration: media.video?.duration ?? null,
      videoCodec: media.video?.videoCodec ?? null,
      audioCodec: media.video?.audioCodec ?? null,
      bitRate: media.video?.bitRate ?? null,
    },
  }
}
