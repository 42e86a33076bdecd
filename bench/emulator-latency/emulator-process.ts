// Run in a child process by run.ts: `emulator-process.ts DATA_DIR [COMPACTION_JSON]`.
// Starts the emulator (startEmulator, the same server the CLI runs) and prints one JSON line: URL and key.
import { type EmulatorOptions, startEmulator } from '@upkit/imagekit-emulator'

const [dataDir, compaction] = process.argv.slice(2)
const options: EmulatorOptions = { dataDir: dataDir ?? '.' }
if (compaction) options.compaction = JSON.parse(compaction)
const emu = await startEmulator(options)
process.stdout.write(
  `${JSON.stringify({ uploadUrl: emu.uploadUrl, privateKey: emu.keys.primary.privateKey })}\n`,
)
process.once('SIGTERM', () => {
  emu.stop().then(() => process.exit(0))
})
