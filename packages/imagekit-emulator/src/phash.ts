import type { Sharp } from 'sharp'

/** The DCT works on a 32 × 32 greyscale copy; the hash keeps its 8 × 8 lowest frequencies. */
const SIZE = 32
const KEEP = 8

/** cos((2x + 1) u π / 2N), shared by every hash. */
const COS: number[][] = Array.from({ length: KEEP }, (_, u) =>
  Array.from({ length: SIZE }, (_, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE))),
)

/** The 8 × 8 low-frequency corner of the 2-D DCT-II of a 32 × 32 greyscale image. */
function lowFrequencies(pixels: Uint8Array): number[] {
  const rows: number[][] = []
  for (let y = 0; y < SIZE; y++) {
    const row: number[] = []
    for (let u = 0; u < KEEP; u++) {
      let sum = 0
      for (let x = 0; x < SIZE; x++) sum += (pixels[y * SIZE + x] ?? 0) * (COS[u]?.[x] ?? 0)
      row.push(sum)
    }
    rows.push(row)
  }
  const out: number[] = []
  for (let v = 0; v < KEEP; v++) {
    for (let u = 0; u < KEEP; u++) {
      let sum = 0
      for (let y = 0; y < SIZE; y++) sum += (rows[y]?.[u] ?? 0) * (COS[v]?.[y] ?? 0)
      out.push(sum)
    }
  }
  return out
}

/**
 * A perceptual hash (the DCT pHash of Zauner 2010, as the `imagehash` library computes it): 64 bits,
 * one per low-frequency coefficient above their median, as 16 hex digits like ImageKit's
 * (`metadata.pHash: "17949d3d3573ebca"`, OAS v1.0.0.yaml example `UploadResponseWithEmbeddedMetadata`).
 * Similar pictures give hashes a small Hamming distance apart.
 */
export async function perceptualHash(image: Sharp): Promise<string> {
  const pixels = await image
    .clone()
    .rotate()
    // Transparent pixels count as white, so a logo on nothing hashes like the same logo on paper.
    .flatten({ background: '#ffffff' })
    .resize(SIZE, SIZE, { fit: 'fill' })
    .toColourspace('b-w')
    .raw()
    .toBuffer()
  const coefficients = lowFrequencies(pixels)
  const sorted = [...coefficients].sort((a, b) => a - b)
  const median = ((sorted[31] ?? 0) + (sorted[32] ?? 0)) / 2
  let hex = ''
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0
    for (let bit = 0; bit < 4; bit++)
      value = (value << 1) | ((coefficients[nibble * 4 + bit] ?? 0) > median ? 1 : 0)
    hex += value.toString(16)
  }
  return hex
}

/** Bits that differ between two hex pHashes (0 = same picture, ≥ ~20 = different pictures). */
export function hammingDistance(a: string, b: string): number {
  let distance = 0
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    let diff = Number.parseInt(a[i] ?? '0', 16) ^ Number.parseInt(b[i] ?? '0', 16)
    for (; diff; diff &= diff - 1) distance++
  }
  return distance
}
