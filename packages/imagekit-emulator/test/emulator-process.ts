// Run in a child process by the crash tests: `node --import tsx emulator-process.ts DATA_DIR [COMPACTION_JSON]`.
// Starts an emulator on DATA_DIR and prints one JSON line with its URLs and private key.
import { type EmulatorOptions, startEmulator } from '../src/index.js'

const [dataDir, compaction] = process.argv.slice(2)
const options: EmulatorOptions = { dataDir: dataDir ?? '.' }
if (compaction) options.compaction = JSON.parse(compaction)
const emu = await startEmulator(options)
const ready = {
  uploadUrl: emu.uploadUrl,
  urlEndpoint: emu.urlEndpoint,
  privateKey: emu.keys.primary.privateKey,
}
process.stdout.write(`${JSON.stringify(ready)}\n`)
