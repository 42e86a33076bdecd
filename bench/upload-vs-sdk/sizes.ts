// Bundle sizes: Upkit's size-limit entries (min+gzip, esbuild) next to @imagekit/javascript.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { table } from './report.js'

const core = fileURLToPath(new URL('../../packages/uploader-core/', import.meta.url))

/** esbuild --bundle --minify --format=esm of `import { upload } from '@imagekit/javascript'`, gzip -9
 * (shared/reference/imagekit-upload-api.md §4.6, @imagekit/javascript 5.5.1). */
const SDK_UPLOAD_REFERENCE = 4525

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`

interface SizeEntry {
  name: string
  size: number
  sizeLimit?: number
}

function upkitSizes(): SizeEntry[] {
  const bin = join(core, 'node_modules/.bin/size-limit')
  const run = spawnSync(bin, ['--json'], { cwd: core, encoding: 'utf8', timeout: 120_000 })
  try {
    return JSON.parse(run.stdout) as SizeEntry[]
  } catch {
    throw new Error(`size-limit failed (${run.status}): ${run.stderr || run.stdout}`)
  }
}

function sdkFileGzip(file: string): number {
  const require = createRequire(import.meta.url)
  const dir = dirname(require.resolve('@imagekit/javascript/package.json'))
  return gzipSync(readFileSync(join(dir, 'dist', file)), { level: 9 }).length
}

export function sizeTable(): string {
  const rows = upkitSizes().map((entry) => [
    `Upkit — ${entry.name}`,
    kb(entry.size),
    entry.sizeLimit ? `budget ${kb(entry.sizeLimit)}` : '',
  ])
  rows.push(
    [
      '@imagekit/javascript 5.5.1 — `import { upload }`',
      kb(SDK_UPLOAD_REFERENCE),
      'reference §4.6 (esbuild)',
    ],
    [
      '@imagekit/javascript — dist/imagekit.min.js (UMD, all)',
      kb(sdkFileGzip('imagekit.min.js')),
      'gzip -9, measured',
    ],
  )
  return table(['bundle', 'min+gzip', 'note'], rows)
}
