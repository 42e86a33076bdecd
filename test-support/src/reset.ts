import type { Emulator } from '@upkit/imagekit-emulator'

/** Puts a shared emulator back as it started: no faults, no quota, no files, zero counters. */
export async function resetEmulator(emulator: Emulator): Promise<void> {
  emulator.faults.clear()
  emulator.setStorageQuota(Number.POSITIVE_INFINITY)
  await emulator.clearFiles()
  emulator.resetStats()
}
