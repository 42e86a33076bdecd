/**
 * Bytes per second over a moving window: feed it the running total of bytes sent; a total that
 * goes down (a file restarted) starts the window again.
 */
export function createSpeedMeter(windowMs = 5000): (at: number, bytes: number) => number {
  let samples: Array<{ at: number; bytes: number }> = []
  return (at, bytes) => {
    if (bytes < (samples.at(-1)?.bytes ?? 0)) samples = []
    samples.push({ at, bytes })
    while (samples.length > 2 && at - (samples[0]?.at ?? at) > windowMs) samples.shift()
    const first = samples[0]
    return first && at > first.at ? ((bytes - first.bytes) * 1000) / (at - first.at) : 0
  }
}
