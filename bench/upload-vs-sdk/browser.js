// Runs in the benchmark page (plain ES module, no build step). Defines window.bench.upkit(cfg) and
// window.bench.baseline(cfg); both upload the same generated files and answer the same result shape.
// cfg: { count, size, concurrency, publicKey, routeUrl, uploadUrl, emulatorUrl, timeoutMs }
import { upload } from '/imagekit.esm.js'

const IMAGEKIT_ORIGIN = 'https://upload.imagekit.io'

/** `count` files of `size` bytes named f000.bin, f001.bin, … (the fault schedule matches these names). */
function makeFiles(count, size) {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 255
  const name = (i) => `f${String(i).padStart(3, '0')}.bin`
  return Array.from(
    { length: count },
    (_, i) => new File([bytes], name(i), { type: 'application/octet-stream' }),
  )
}

/** Sums the long tasks (> 50 ms on the main thread) seen between start and stop(). */
function watchLongTasks() {
  const seen = { count: 0, ms: 0 }
  const take = (entries) => {
    for (const entry of entries) {
      seen.count++
      seen.ms += entry.duration
    }
  }
  const observer = new PerformanceObserver((list) => take(list.getEntries()))
  observer.observe({ type: 'longtask' })
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 100)) // let the last entries be queued
    take(observer.takeRecords())
    observer.disconnect()
    return { count: seen.count, ms: Math.round(seen.ms) }
  }
}

const tally = (map, key) => {
  map[key] = (map[key] ?? 0) + 1
}

/** Upkit: one createUploader, every file added at once; done when every file has settled. */
async function upkit(cfg) {
  const files = makeFiles(cfg.count, cfg.size)
  const uploader = window.Upkit.createUploader({
    publicKey: cfg.publicKey,
    auth: cfg.routeUrl,
    uploadEndpoint: cfg.uploadUrl,
    concurrency: cfg.concurrency,
  })
  const errors = {}
  let notifications = 0
  let retries = 0
  let percent = 0
  uploader.on('retry-scheduled', ({ error }) => {
    retries++
    tally(errors, `retry:${error.code}`)
  })
  uploader.on('upload-error', ({ error }) => tally(errors, error.code))
  const stopWatch = watchLongTasks()
  const t0 = performance.now()
  const settled = new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), cfg.timeoutMs)
    uploader.subscribe(() => {
      notifications++
      const { counts, totals } = uploader.getSnapshot()
      percent = totals.percent // what a DOM-less progress line would read
      if (counts.success + counts.error + counts.cancelled < cfg.count) return
      clearTimeout(timer)
      resolve(false)
    })
  })
  await uploader.addFiles(files)
  const timedOut = await settled
  const ms = performance.now() - t0
  const { counts } = uploader.getSnapshot()
  uploader.destroy()
  const longTasks = await stopWatch()
  return {
    ms,
    ok: counts.success,
    failed: counts.error,
    timedOut,
    notifications,
    retries,
    errors,
    longTasks,
    percent,
  }
}

/** Sends `https://upload.imagekit.io/…` (hard-coded in the SDK) to the emulator instead. */
function emulatorXhr(emulatorUrl) {
  return class EmulatorXHR extends XMLHttpRequest {
    open(method, url, ...rest) {
      super.open(method, String(url).replace(IMAGEKIT_ORIGIN, emulatorUrl), ...rest)
    }
  }
}

/** What an ImageKit user writes today: per file, fetch a signature, then upload(); a pool of N workers. */
async function baseline(cfg) {
  const files = makeFiles(cfg.count, cfg.size)
  const EmulatorXHR = emulatorXhr(cfg.emulatorUrl)
  const errors = {}
  let notifications = 0
  let ok = 0
  let failed = 0
  let next = 0
  let percent = 0
  const uploadOne = async (file) => {
    const answer = await fetch(cfg.routeUrl, { cache: 'no-store' })
    if (!answer.ok) throw new Error(`signing route answered ${answer.status}`)
    const { token, signature, expire } = await answer.json()
    // Field order = multipart order: the auth fields before the file, as Upkit sends them. It matters
    // for a cut connection: see bench/README.md.
    await upload({
      expire,
      token,
      signature,
      publicKey: cfg.publicKey,
      file,
      fileName: file.name,
      xhr: new EmulatorXHR(),
      onProgress: (event) => {
        notifications++
        percent = (event.loaded / event.total) * 100
      },
    })
  }
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]
      try {
        await uploadOne(file)
        ok++
      } catch (error) {
        failed++
        tally(errors, error?.name ?? 'Error')
      }
    }
  }
  const stopWatch = watchLongTasks()
  const t0 = performance.now()
  let timer
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(true), cfg.timeoutMs)
  })
  const all = Promise.all(Array.from({ length: cfg.concurrency }, worker)).then(() => false)
  const timedOut = await Promise.race([all, timeout])
  clearTimeout(timer)
  const ms = performance.now() - t0
  const longTasks = await stopWatch()
  return { ms, ok, failed, timedOut, notifications, retries: 0, errors, longTasks, percent }
}

window.bench = { upkit, baseline }
