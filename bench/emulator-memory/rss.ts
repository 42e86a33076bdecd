import { readFileSync, writeFileSync } from 'node:fs'

/** A field of /proc/<pid>/status in bytes (VmRSS: resident now, VmHWM: peak resident). */
export function procBytes(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)
  if (!match?.[1]) throw new Error(`${field} not found for pid ${pid}`)
  return Number(match[1]) * 1024
}

/** Reset the kernel's peak-RSS mark (VmHWM) to the current RSS; false if not permitted. */
export function resetPeak(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}

/** Sample VmRSS every `everyMs` until stopped; the answer keeps the peak and the sample count. */
export function sampleRss(pid: number, everyMs = 25): { stop(): { peak: number; samples: number } } {
  let peak = 0
  let samples = 0
  const take = () => {
    try {
      peak = Math.max(peak, procBytes(pid, 'VmRSS'))
      samples++
    } catch {}
  }
  take()
  const timer = setInterval(take, everyMs)
  return {
    stop() {
      clearInterval(timer)
      take()
      return { peak, samples }
    },
  }
}

export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`
