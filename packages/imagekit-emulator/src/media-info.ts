import { open } from 'node:fs/promises'
import { extname } from 'node:path'
import { imageSizeFromFile } from 'image-size/fromFile'
import { probeVideo, type VideoInfo } from './video-probe.js'

export interface MediaInfo {
  mime: string
  fileType: 'image' | 'non-image'
  width: number | null
  height: number | null
  format: string
  /** EXIF orientation 1–8 of an image (OAS upload examples: `orientation: 1`); absent when it has none. */
  orientation?: number
  /** MP4 / MOV streams (OAS `UploadResonseVideo`); absent for anything else. */
  video?: VideoInfo
}

const IMAGE_MIME: Record<string, string> = {
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  tiff: 'image/tiff',
  ico: 'image/x-icon',
  heif: 'image/heif',
  avif: 'image/avif',
  jxl: 'image/jxl',
  psd: 'image/vnd.adobe.photoshop',
}

const EXT_MIME: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.zip': 'application/zip',
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
}

/** Mime type for a stored file that is not an image: the client's, else from the extension. */
function otherMime(fileName: string, clientMime: string): string {
  if (clientMime && clientMime !== 'application/octet-stream') return clientMime
  return EXT_MIME[extname(fileName).toLowerCase()] ?? 'application/octet-stream'
}

async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const bytes = Buffer.alloc(16)
    const { bytesRead } = await handle.read(bytes, 0, 16, 0)
    return bytes.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** A video's mime from its container when the client sent none (a `.bin` MP4 is still a video). */
function videoMime(mime: string, fileName: string): string {
  if (mime.startsWith('video/')) return mime
  return /\.(mov|qt)$/i.test(fileName) ? 'video/quicktime' : 'video/mp4'
}

/**
 * Look at the bytes, like ImageKit does: real width/height (and EXIF orientation) for images;
 * width/height, duration, bit rate and codecs for MP4 / MOV videos; `non-image` otherwise.
 */
export async function mediaInfo(path: string, fileName: string, clientMime: string): Promise<MediaInfo> {
  try {
    const size = await imageSizeFromFile(path)
    const type = size.type === 'heif' && /\.avif$/i.test(fileName) ? 'avif' : size.type
    const mime = type ? IMAGE_MIME[type] : undefined
    if (mime && size.width && size.height) {
      const rotated = (size.orientation ?? 1) >= 5
      return {
        mime,
        fileType: 'image',
        width: rotated ? size.height : size.width,
        height: rotated ? size.width : size.height,
        format: type === 'jpg' ? 'jpg' : (type ?? ''),
        ...(size.orientation ? { orientation: size.orientation } : {}),
      }
    }
  } catch {}
  const mime = otherMime(fileName, clientMime)
  const format = extname(fileName).slice(1)
  const video = await probeVideo(path, await head(path).catch(() => new Uint8Array()))
  if (video) {
    const { width, height } = video
    return { mime: videoMime(mime, fileName), fileType: 'non-image', width, height, format, video }
  }
  return { mime, fileType: 'non-image', width: null, height: null, format }
}
