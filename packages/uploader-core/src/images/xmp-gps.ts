import { latin1 } from './bytes.js'

// <exif:GPSLatitude>…</exif:GPSLatitude> or <exif:GPSVersionID/>, then exif:GPSLatitude="…" (any prefix, either quote)
const GPS_PATTERNS = [
  /<([\w.-]+:GPS\w*)\b[^>]*?(\/>|>[\s\S]*?<\/\1\s*>)/g,
  /\s[\w.-]+:GPS\w*\s*=\s*("[^"]*"|'[^']*')/g,
]

/**
 * Overwrites every GPS property of an XMP packet with spaces, in place (XMP allows white space there,
 * and the packet keeps its length). True when there was one.
 */
export function removeXmpGps(data: Uint8Array, start = 0, end = data.length): boolean {
  let changed = false
  for (const pattern of GPS_PATTERNS) {
    // decoded again for each pattern: the first pass may have blanked what the second would match
    for (const match of latin1(data, start, end).matchAll(pattern)) {
      data.fill(0x20, start + match.index, start + match.index + match[0].length)
      changed = true
    }
  }
  return changed
}
