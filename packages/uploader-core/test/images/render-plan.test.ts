// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { workerSource } from '../../src/images/image-worker.js'
import { MAX_CANVAS_PIXELS, outputPlan } from '../../src/images/output-plan.js'
import { resolvePrepareOptions } from '../../src/images/prepare-options.js'
import { fitSize } from '../../src/images/render-image.js'

const facts = (width: number, height: number, mayHaveAlpha = false) => ({
  width,
  height,
  animated: false,
  mayHaveAlpha,
})
const defaults = resolvePrepareOptions({})

describe('outputPlan', () => {
  it('leaves an image within the limits alone unless another type is asked for', () => {
    expect(outputPlan('image/jpeg', facts(2560, 1440), defaults, false)).toBeNull()
    expect(outputPlan('image/png', facts(100, 100, true), defaults, false)).toBeNull()
    const webp = outputPlan(
      'image/jpeg',
      facts(100, 100),
      resolvePrepareOptions({ type: 'image/webp' }),
      false,
    )
    expect(webp).toMatchObject({ opaqueTypes: ['image/webp'], alphaTypes: ['image/webp'] })
  })

  it('auto: JPEG stays JPEG, transparency never goes into a JPEG, HEIC becomes JPEG', () => {
    expect(outputPlan('image/jpeg', facts(6000, 4000), defaults, false)).toMatchObject({
      opaqueTypes: ['image/jpeg'],
      checkAlpha: false,
      maxPixels: MAX_CANVAS_PIXELS,
      quality: 0.82,
    })
    expect(outputPlan('image/png', facts(3000, 3000, true), defaults, false)).toMatchObject({
      opaqueTypes: ['image/png', 'image/jpeg'],
      alphaTypes: ['image/png'],
      checkAlpha: true,
    })
    expect(outputPlan('image/webp', facts(3000, 3000, true), defaults, false)).toMatchObject({
      opaqueTypes: ['image/webp', 'image/jpeg'],
      alphaTypes: ['image/webp', 'image/png'],
    })
    const forcedJpeg = resolvePrepareOptions({ type: 'image/jpeg' })
    expect(outputPlan('image/png', facts(3000, 3000, true), forcedJpeg, false)).toMatchObject({
      opaqueTypes: ['image/jpeg'],
      alphaTypes: ['image/png'],
      checkAlpha: true,
    })
    // no size in the header: decode to find out
    expect(outputPlan('image/heic', facts(0, 0, true), defaults, false)).toMatchObject({
      opaqueTypes: ['image/jpeg'],
    })
  })

  it('keeps the ICC colour space only for JPEG to JPEG', () => {
    expect(outputPlan('image/jpeg', facts(6000, 4000), defaults, true)?.colorSpaceConversion).toBe('none')
    const webp = resolvePrepareOptions({ type: 'image/webp' })
    expect(outputPlan('image/jpeg', facts(6000, 4000), webp, true)?.colorSpaceConversion).toBe('default')
    const off = resolvePrepareOptions({ keepColorProfile: false })
    expect(outputPlan('image/jpeg', facts(6000, 4000), off, true)?.colorSpaceConversion).toBe('default')
  })
})

describe('fitSize', () => {
  const plan = {
    ...outputPlan('image/jpeg', facts(9, 9), resolvePrepareOptions({ type: 'image/png' }), false)!,
  }
  it('fits the long edge, keeps the ratio, never enlarges, and stays under the pixel cap', () => {
    expect(fitSize(4000, 6000, plan)).toEqual([1706, 2560])
    expect(fitSize(6000, 4000, { ...plan, maxWidth: 1000 })).toEqual([1000, 666])
    expect(fitSize(800, 600, plan)).toEqual([800, 600])
    const [w, h] = fitSize(20000, 20000, { ...plan, maxWidth: 99999, maxHeight: 99999 })
    expect(w * h).toBeLessThanOrEqual(MAX_CANVAS_PIXELS)
    expect(w).toBe(4096)
  })
})

describe('workerSource', () => {
  it('is one self-contained script that parses', () => {
    const source = workerSource()
    expect(() => new Function(source)).not.toThrow()
    expect(source).not.toMatch(/\bimport\b|\bexport\b|require\(/)
  })
})
