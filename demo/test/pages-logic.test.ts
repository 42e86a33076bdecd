import { describe, expect, it } from 'vitest'
import { describeFault, FAULT_PRESETS } from '../pages/src/fault-presets.js'
import { DEFAULT_SETTINGS, maxFileSizeMb, parseSettings } from '../pages/src/settings.js'
import { coverWidth, thumbnailSources } from '../pages/src/thumbnail.js'

const MiB = 1024 * 1024

describe('fault panel presets', () => {
  it('every preset, "Storage full" included, applies to the next N uploads', () => {
    for (const preset of FAULT_PRESETS) {
      expect(preset.rule(3), preset.label).toMatchObject({ times: 3 })
    }
    const storageFull = FAULT_PRESETS.find((preset) => preset.label === 'Storage full')
    expect(describeFault(storageFull?.rule(2) ?? { action: { type: 'status', status: 500 } })).toBe(
      'next 2 uploads: answer "storage full" (403)',
    )
  })
})

describe('fault panel: the emulator presets', () => {
  const find = (label: string) => FAULT_PRESETS.find((preset) => preset.label === label)

  it("name the emulator preset (it keeps ImageKit's words) and say what it answers", () => {
    const accepted = find('Accept and process later (202)')?.rule(1)
    const throttled = find('Update throttled (400)')?.rule(4)
    expect(accepted).toEqual({ times: 1, preset: 'accepted' })
    expect(throttled).toEqual({ times: 4, preset: 'update-throttled' })
    expect(describeFault(accepted ?? { action: { type: 'stall' } })).toBe(
      'next 1 upload: answer 202 "queued", processed later',
    )
    expect(describeFault(throttled ?? { action: { type: 'stall' } })).toBe(
      'next 4 uploads: answer 400 "too many requests to update the file"',
    )
  })

  it("describe the listed 202 (the emulator lists the preset's action)", () => {
    expect(describeFault({ times: 2, action: { type: 'status', status: 202 } })).toBe(
      'next 2 uploads: answer 202 "queued", processed later',
    )
  })
})

describe('settings: max file size', () => {
  it('is capped at the signing route’s limit, however large the setting', () => {
    const limit = 25 * MiB
    expect(parseSettings({ ...DEFAULT_SETTINGS, maxFileSizeMb: '100' }, limit).restrictions.maxFileSize).toBe(
      limit,
    )
    expect(parseSettings({ ...DEFAULT_SETTINGS, maxFileSizeMb: '10' }, limit).restrictions.maxFileSize).toBe(
      10_000_000,
    )
  })

  it('offers the limit in the widget’s decimal MB, rounded down to one decimal', () => {
    expect(maxFileSizeMb(25 * MiB)).toBe(26.2)
    expect(maxFileSizeMb(40_000_000)).toBe(40)
  })
})

describe('gallery thumbnails', () => {
  it('ask for the width that covers the drawn box, never more than the image has', () => {
    // A 4000 × 3000 photo in a 300 × 120 tile: the width sets the scale (300 / 4000 > 120 / 3000).
    expect(coverWidth({ width: 300, height: 120 }, { width: 4000, height: 3000 })).toBe(300)
    // A tall 1000 × 4000 image: the width sets the scale again (300 / 1000 > 120 / 4000).
    expect(coverWidth({ width: 300, height: 120 }, { width: 1000, height: 4000 })).toBe(300)
    // A wide 4000 × 500 banner: 120 px high needs 960 px of width.
    expect(coverWidth({ width: 300, height: 120 }, { width: 4000, height: 500 })).toBe(960)
    expect(coverWidth({ width: 900, height: 360 }, { width: 640, height: 480 })).toBe(640)
    expect(coverWidth({ width: 299.5, height: 120 }, {})).toBe(300)
  })

  it('are the drawn size × devicePixelRatio, with 1×/2×/3× candidates', () => {
    const file = { filePath: '/upkit-demo/u/cat.jpg', width: 4000, height: 3000 }
    const sources = thumbnailSources('http://127.0.0.1:4600/ik/', file, { width: 327, height: 120 }, 2)
    expect(sources.src).toBe('http://127.0.0.1:4600/ik/tr:w-654/upkit-demo/u/cat.jpg')
    expect(sources.srcSet).toBe(
      [
        'http://127.0.0.1:4600/ik/tr:w-327/upkit-demo/u/cat.jpg 1x',
        'http://127.0.0.1:4600/ik/tr:w-654/upkit-demo/u/cat.jpg 2x',
        'http://127.0.0.1:4600/ik/tr:w-981/upkit-demo/u/cat.jpg 3x',
      ].join(', '),
    )
  })
})
