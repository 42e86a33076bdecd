import type { EmulatorState } from './state.js'

/**
 * Every stored file gone, and every upload still in flight dropped with it: a held (stalled or slow)
 * request whose body already sits in the socket buffer would otherwise be stored after the clear,
 * long after its client gave up (a test's reset would leak files into the next test).
 */
export async function clearFiles(state: EmulatorState): Promise<void> {
  for (const req of state.uploads) req.destroy()
  state.uploads.clear()
  await state.files.clear()
}
