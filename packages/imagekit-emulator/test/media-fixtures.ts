import { createFile } from 'mp4box'

/** sharp is an optional dependency: the tests that decode pixels skip cleanly without it. */
export const sharp = await import('sharp').then(
  (module) => module.default,
  () => undefined,
)
if (!sharp)
  console.warn(
    '[imagekit-emulator tests] sharp is not installed (optional): the pixel-reading tests are skipped',
  )

/** An H.264 baseline SPS/PPS pair (320 × 240): enough for a valid `avcC`, never decoded. */
const SPS = [0x67, 0x42, 0x00, 0x1e, 0x95, 0xa8, 0x28, 0x0f, 0x68]
const PPS = [0x68, 0xce, 0x38, 0x80]

/**
 * A real MP4 (ftyp + moov + mdat) written with mp4box: a 320 × 240 `avc1` track and a stereo `mp4a`
 * track, `seconds` long, with filler sample bytes (players cannot decode them; probes read the
 * boxes). Video samples are 200 bytes at 10 fps, so its bit rate is 16 000 bps.
 */
export function tinyMp4(seconds = 2, audio = true): Uint8Array {
  const file = createFile()
  file.init({ timescale: 1000, duration: seconds * 1000 })
  const avcC = new Uint8Array([1, 0x42, 0, 0x1e, 0xff, 0xe1, 0, SPS.length, ...SPS, 1, 0, PPS.length, ...PPS])
  const video = file.addTrack({
    type: 'avc1',
    width: 320,
    height: 240,
    timescale: 1000,
    duration: seconds * 1000,
    media_duration: seconds * 1000,
    avcDecoderConfigRecord: avcC.buffer,
  })
  for (let i = 0; i < seconds * 10; i++) {
    file.addSample(video, new Uint8Array(200).fill(i), {
      duration: 100,
      is_sync: i === 0,
      dts: i * 100,
      cts: i * 100,
    })
  }
  if (audio) {
    const sound = file.addTrack({
      type: 'mp4a',
      hdlr: 'soun',
      timescale: 48000,
      samplerate: 48000,
      channel_count: 2,
      samplesize: 16,
      duration: seconds * 1000,
      media_duration: seconds * 48000,
    })
    for (let i = 0; i < seconds * 10; i++)
      file.addSample(sound, new Uint8Array(50), { duration: 4800, is_sync: true })
  }
  const buffer = file.getBuffer()
  return new Uint8Array(buffer.buffer.slice(0, buffer.byteLength))
}

export const blob = (bytes: Uint8Array | Buffer, type: string) => new Blob([new Uint8Array(bytes)], { type })
