/** Lists longer than this draw only the rows in view; shorter ones draw every row, as before. */
export const VIRTUAL_AFTER = 100

/** Rows drawn above and below the viewport, so a quick scroll or Tab lands on rows that exist. */
export const OVERSCAN = 8

/** Which rows of a long list to draw, and the space that stands in for the others. */
export interface VisibleRange {
  /** Indexes of the rows to draw, in DOM order. */
  readonly indices: readonly number[]
  /** Space above and below the drawn rows (px). */
  readonly before: number
  readonly after: number
}

/**
 * The rows of a fixed-pitch list that a viewport shows, plus `overscan` on each side. `keep` (a row
 * holding keyboard focus) is drawn even when it is out of view: in the slot just outside the
 * drawn rows, which is off screen too, so every row keeps its place and focus never falls to the page.
 */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = OVERSCAN,
  keep = -1,
): VisibleRange {
  const first = Math.min(count, Math.floor(Math.max(0, scrollTop) / rowHeight))
  let start = Math.max(0, first - overscan)
  let end = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan)
  const indices: number[] = []
  for (let i = start; i < end; i++) indices.push(i)
  if (keep >= 0 && keep < start) {
    indices.unshift(keep)
    start--
  } else if (keep >= end && keep < count) {
    indices.push(keep)
    end++
  }
  return { indices, before: start * rowHeight, after: (count - end) * rowHeight }
}
