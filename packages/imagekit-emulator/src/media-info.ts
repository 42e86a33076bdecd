import { extname } from 'node:path'
import { imageSizeFromFile } from 'image-size/fromFile'

export interface MediaInfo {
  mime: string
  fileType: 'image' | 'non-image'
  width: number | null
  height: number | null
  format: string
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

/** Look at the bytes, like ImageKit does: real width/height for images, `non-image` otherwise. */
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
      }
    }
  } catch {}
  const mime = otherMime(fileName, clientMime)
  return { mime, fileType: 'non-image', width: null, height: null, format: extname(fileName).slice(1) }
}
