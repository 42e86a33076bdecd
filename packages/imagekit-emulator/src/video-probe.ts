import { open } from 'node:fs/promises'
import { createFile, type Movie, MP4BoxBuffer, type Track } from 'mp4box'

/** OAS `Upload` / `Metadata` video fields (examples `UploadResonseVideo`, `VideoMetadata`). */
export interface VideoInfo {
  width: number
  height: number
  /** Whole seconds (OAS: `duration: integer`, "in seconds"; example 7). */
  duration: number
  /**
   * Bits per second of the video stream. The OAS text says "kbps" but its examples are bps
   * (`bitRate: 1453966` for a 1.38 MB, 7 s file), so bps it is.
   */
  bitRate: number
  videoCodec: string
  /** Absent when the file has no audio track. */
  audioCodec?: string
}

/** ISO-BMFF sample-entry codes → the names ImageKit answers (`h264`, `aac`, as ffprobe names them). */
const CODEC_NAMES: Record<string, string> = {
  avc1: 'h264',
  avc3: 'h264',
  hvc1: 'hevc',
  hev1: 'hevc',
  av01: 'av1',
  vp08: 'vp8',
  vp09: 'vp9',
  mp4v: 'mpeg4',
  s263: 'h263',
  mp4a: 'aac',
  Opus: 'opus',
  opus: 'opus',
  'ac-3': 'ac3',
  'ec-3': 'eac3',
  fLaC: 'flac',
  '.mp3': 'mp3',
}

const CHUNK = 1 << 20
/** Bytes read at most: a moov box is far smaller (an mdat before it is skipped, not read). */
const MAX_READ = 16 << 20

function codecName(track: Track): string {
  const code = track.codec.split('.')[0] ?? track.codec
  return CODEC_NAMES[code] ?? code
}

/** `ftyp` at offset 4: an ISO base media file (MP4, MOV, M4V, 3GP). */
export function isIsoMedia(head: Uint8Array): boolean {
  return head.length >= 8 && Buffer.from(head.subarray(4, 8)).toString('latin1') === 'ftyp'
}

async function readMovie(path: string): Promise<Movie | undefined> {
  const handle = await open(path, 'r')
  try {
    const file = createFile()
    let movie: Movie | undefined
    file.onReady = (info) => {
      movie = info
    }
    let position = 0
    let read = 0
    while (!movie && read < MAX_READ) {
      const bytes = Buffer.alloc(CHUNK)
      const { bytesRead } = await handle.read(bytes, 0, CHUNK, position)
      if (bytesRead === 0) break
      read += bytesRead
      const buffer = MP4BoxBuffer.fromArrayBuffer(
        bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytesRead),
        position,
      )
      // mp4box says where it wants the next bytes (it skips an mdat that comes before the moov).
      const next = file.appendBuffer(buffer)
      position = next > position ? next : position + bytesRead
    }
    file.flush()
    return movie
  } finally {
    await handle.close()
  }
}

/**
 * Duration, bit rate and codecs of an MP4 / MOV, read from its `moov` box with mp4box (pure JS, no
 * ffprobe). Undefined for other containers (WebM, MKV, AVI…: not probed) or unreadable files.
 */
export async function probeVideo(path: string, head: Uint8Array): Promise<VideoInfo | undefined> {
  if (!isIsoMedia(head)) return undefined
  try {
    const movie = await readMovie(path)
    const video = movie?.videoTracks[0]
    if (!movie || !video) return undefined
    const audio = movie.audioTracks[0]
    const seconds = movie.timescale > 0 ? movie.duration / movie.timescale : video.duration / video.timescale
    const info: VideoInfo = {
      width: video.video?.width ?? video.track_width,
      height: video.video?.height ?? video.track_height,
      duration: Math.round(seconds),
      bitRate: Math.round(video.bitrate),
      videoCodec: codecName(video),
    }
    if (audio) info.audioCodec = codecName(audio)
    return info
  } catch {
    return undefined
  }
}
