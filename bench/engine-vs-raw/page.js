// Runs in the benchmark page (plain ES module, no build step). Two calls per run, so that making the
// files stays out of every measurement: bench.prepare(cfg) makes them, bench.run(cfg) measures.
//   throughput contenders: raw | sdk | upkit-get | upkit-post
//   diagnostic contenders: upkit-presigned (Upkit, signatures made before the clock, as raw's) |
//                          raw-progress (raw + an upload progress listener) | raw-sign (raw-progress,
//                          each worker GETs the file's signature just before its upload) |
//                          raw-batch-fetch / raw-batch-xhr (raw, signatures POSTed for 16 files at a time
//                          in the clock, by fetch or by XHR) | upkit-get-noahead |
//                          upkit-post-noahead (signAhead: false)
//   main-thread probes:    add (addFiles of cfg.count files, autoUpload false) | small-upkit | small-sdk
//   diagnostic probe:      add-auto (the same with autoUpload: the first 400 ms of uploading are watched too)
// cfg: { mode, count, size, concurrency, publicKey, routeUrl, uploadUrl, emulatorUrl, timeoutMs }
import { upload } from '/imagekit.esm.js'

const IMAGEKIT_ORIGIN = 'https://upload.imagekit.io'
const fileName = (i) => `f${String(i).padStart(5, '0')}.bin`
let prepared = null
let preparedSignatures = null

/** `count` files of `size` bytes named f00000.bin, f00001.bin, … (the emulator's stored names start so). */
function makeFiles(count, size) {
  const bytes = new Uint8Array(size)
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + 7) & 255
  return Array.from(
    { length: count },
    (_, i) => new File([bytes], fileName(i), { type: 'application/octet-stream' }),
  )
}

// ---- probes ---------------------------------------------------------------------------------------

/** Long tasks (> 50 ms, the browser's own definition) between start and stop(). */
function watchLongTasks() {
  const seen = { count: 0, ms: 0, max: 0 }
  const take = (entries) => {
    for (const entry of entries) {
      seen.count++
      seen.ms += entry.duration
      seen.max = Math.max(seen.max, entry.duration)
    }
  }
  const observer = new PerformanceObserver((list) => take(list.getEntries()))
  observer.observe({ type: 'longtask' })
  return () => {
    take(observer.takeRecords())
    observer.disconnect()
    return { count: seen.count, ms: Math.round(seen.ms), max: Math.round(seen.max) }
  }
}

/** Animation frames (rAF callbacks) and the longest gap between two of them. */
function countFrames() {
  let frames = 0
  let last = 0
  let maxGap = 0
  let running = true
  const tick = (t) => {
    if (!running) return
    if (last) maxGap = Math.max(maxGap, t - last)
    last = t
    frames++
    requestAnimationFrame(tick)
  }
  requestAnimationFrame(tick)
  return () => {
    running = false
    return { frames, maxFrameGap: Math.round(maxGap) }
  }
}

/**
 * A setTimeout(0) chain: the longest time between two of its ticks bounds the longest task from above
 * (a tick waits for whatever task runs when it is due), down to ~4 ms (the nesting clamp).
 */
function watchGaps() {
  let last = performance.now()
  let maxGap = 0
  let running = true
  const tick = () => {
    if (!running) return
    const now = performance.now()
    maxGap = Math.max(maxGap, now - last)
    last = now
    setTimeout(tick, 0)
  }
  setTimeout(tick, 0)
  return () => {
    running = false
    return Math.round(maxGap * 10) / 10
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100)) // let the last entries be queued

/**
 * Diagnostics (cfg.timeline): when every upload XHR and every fetch started and ended, summarised as
 * the mean number of uploads in flight, upload and signing durations, and the idle time of a slot
 * (from one upload's end to the next upload's start).
 */
function recordTimeline() {
  const uploads = []
  const fetches = []
  const send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.send = function (body) {
    const entry = { start: performance.now(), end: 0 }
    uploads.push(entry)
    this.addEventListener('loadend', () => {
      entry.end = performance.now()
    })
    return send.call(this, body)
  }
  const originalFetch = window.fetch
  window.fetch = function (...args) {
    const entry = { start: performance.now(), end: 0 }
    fetches.push(entry)
    return originalFetch.apply(this, args).then((response) => {
      const text = response.text.bind(response)
      const json = response.json.bind(response)
      response.text = () => text().finally(() => (entry.end = performance.now()))
      response.json = () => json().finally(() => (entry.end = performance.now()))
      return response
    })
  }
  return (t0, t1) => {
    XMLHttpRequest.prototype.send = send
    window.fetch = originalFetch
    const med = (values) => {
      const sorted = values.slice().sort((a, b) => a - b)
      return sorted.length ? sorted[sorted.length >> 1] : null
    }
    const done = uploads.filter((u) => u.end > 0 && u.start >= t0)
    const busy = done.reduce((sum, u) => sum + (u.end - u.start), 0)
    const starts = done.map((u) => u.start).sort((a, b) => a - b)
    const idle = done.map((u) => {
      const next = starts.find((s) => s >= u.end)
      return next === undefined ? null : next - u.end
    })
    const signs = fetches.filter((f) => f.end > 0 && f.start >= t0 - 1)
    return {
      uploads: done.length,
      inFlight: Math.round((busy / (t1 - t0)) * 100) / 100,
      uploadMs: med(done.map((u) => u.end - u.start)),
      firstUploadAt: starts.length ? Math.round(starts[0] - t0) : null,
      firstFetchAt: fetches.length ? Math.round(fetches[0].start - t0) : null,
      slotIdleMs: med(idle.filter((v) => v !== null)),
      signs: signs.length,
      signMs: med(signs.map((f) => f.end - f.start)),
    }
  }
}

// ---- contenders -----------------------------------------------------------------------------------

/** One signature from the route (GET: ImageKit's classic `{ token, expire, signature }`). */
async function getSignature(routeUrl) {
  const answer = await fetch(routeUrl, { cache: 'no-store' })
  if (!answer.ok) throw new Error(`signing route answered ${answer.status}`)
  return answer.json()
}

/** `concurrency` workers taking `count` jobs in order. */
async function pool(count, concurrency, job) {
  let next = 0
  const worker = async () => {
    while (next < count) await job(next++)
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
}

/** A bare multipart POST: no progress listener, resolves with the status (0 = network error). */
function postForm(url, form, progress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url, true)
    if (progress) xhr.upload.onprogress = progress
    xhr.onload = () => resolve(xhr.status)
    xhr.onerror = () => resolve(0)
    xhr.send(form)
  })
}

/** The baseline's signatures, one per file, fetched in bench.prepare: before the clock and the counters. */
async function signAll(cfg, count) {
  const signatures = new Array(count)
  await pool(count, cfg.concurrency, async (i) => {
    signatures[i] = await getSignature(cfg.routeUrl)
  })
  return signatures
}

/**
 * The baseline: a plain XHR pool, pure transfer. `signatureOf(i)`: the file's signature (raw's are
 * fetched before the clock starts; the diagnostics fetch theirs inside it).
 */
async function raw(cfg, files, signatureOf, withProgress) {
  let calls = 0
  const progress = withProgress ? () => calls++ : null
  let ok = 0
  let failed = 0
  const t0 = performance.now()
  await pool(files.length, cfg.concurrency, async (i) => {
    const file = files[i]
    const { token, expire, signature } = await signatureOf(i)
    const form = new FormData() // the field order Upkit sends: fields, auth, then the file
    form.append('fileName', file.name)
    form.append('publicKey', cfg.publicKey)
    form.append('signature', signature)
    form.append('expire', String(expire))
    form.append('token', token)
    form.append('file', file, file.name)
    const status = await postForm(cfg.uploadUrl, form, progress)
    if (status === 200) ok++
    else failed++
  })
  return { ms: performance.now() - t0, startedAt: t0, ok, failed, calls }
}

/** One POST `{ files }` for `files.length` signatures, by fetch or by XHR: resolves to the route's `files`. */
function postSignatures(cfg, files, by) {
  const body = JSON.stringify({ files: files.map((f) => ({ fileName: f.name, size: f.size, type: f.type })) })
  if (by === 'fetch')
    return fetch(cfg.routeUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      .then((answer) => answer.json())
      .then((answer) => answer.files)
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', cfg.routeUrl, true)
    xhr.setRequestHeader('content-type', 'application/json')
    xhr.onload = () => resolve(JSON.parse(xhr.responseText).files)
    xhr.onerror = () => reject(new Error('signing request failed'))
    xhr.send(body)
  })
}

/** Signatures POSTed `size` files at a time, in the clock; the next batch is asked halfway through one. */
function batchSignatures(cfg, files, by, size) {
  const batches = []
  const batchOf = (i) => {
    const n = Math.floor(i / size)
    batches[n] ??= postSignatures(cfg, files.slice(n * size, n * size + size), by)
    if (i % size === size >> 1 && (n + 1) * size < files.length) batchOf((n + 1) * size)
    return batches[n]
  }
  return async (i) => (await batchOf(i))[i % size]
}

/** Sends `https://upload.imagekit.io/…` (hard-coded in the SDK) to the emulator instead. */
function emulatorXhr(emulatorUrl) {
  return class EmulatorXHR extends XMLHttpRequest {
    open(method, url, ...rest) {
      super.open(method, String(url).replace(IMAGEKIT_ORIGIN, emulatorUrl), ...rest)
    }
  }
}

/** What an ImageKit user writes today: per file, fetch a signature, then upload(); N workers. */
async function sdk(cfg, files) {
  const EmulatorXHR = emulatorXhr(cfg.emulatorUrl)
  let ok = 0
  let failed = 0
  let calls = 0
  let percent = 0
  const t0 = performance.now()
  await pool(files.length, cfg.concurrency, async (i) => {
    const file = files[i]
    try {
      const { token, signature, expire } = await getSignature(cfg.routeUrl)
      await upload({
        expire,
        token,
        signature,
        publicKey: cfg.publicKey,
        file,
        fileName: file.name,
        xhr: new EmulatorXHR(),
        onProgress: (event) => {
          calls++
          percent = (event.loaded / event.total) * 100
        },
      })
      ok++
    } catch {
      failed++
    }
  })
  return { ms: performance.now() - t0, startedAt: t0, ok, failed, calls, percent }
}

/** Upkit with its defaults (sign-ahead on), one subscriber reading the overall percent. */
async function upkit(cfg, files, method, extra = {}) {
  const uploader = window.Upkit.createUploader({
    publicKey: cfg.publicKey,
    auth: method === 'POST' ? { url: cfg.routeUrl, method: 'POST' } : cfg.routeUrl,
    uploadEndpoint: cfg.uploadUrl,
    concurrency: cfg.concurrency,
    ...extra,
  })
  let ok = 0
  let failed = 0
  let retries = 0
  let calls = 0
  let percent = 0
  let seenDoneAt = 0
  const errors = {}
  let t0 = 0
  const done = new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), cfg.timeoutMs)
    const check = () => {
      if (ok + failed < files.length) return
      clearTimeout(timer)
      resolve(false)
    }
    uploader.on('upload-success', () => {
      ok++
      check()
    })
    uploader.on('upload-error', ({ error }) => {
      failed++
      errors[error.code] = (errors[error.code] ?? 0) + 1
      check()
    })
  })
  uploader.on('retry-scheduled', () => retries++)
  uploader.subscribe(() => {
    calls++
    const { totals, counts } = uploader.getSnapshot()
    percent = totals.percent // what a DOM-less progress line reads
    if (!seenDoneAt && counts.success + counts.error === files.length) seenDoneAt = performance.now()
  })
  t0 = performance.now()
  await uploader.addFiles(files)
  const timedOut = await done
  const ms = performance.now() - t0
  await new Promise((resolve) => setTimeout(resolve, 150)) // the last batched notification
  uploader.destroy()
  const uiMs = seenDoneAt ? seenDoneAt - t0 : null
  return { ms, startedAt: t0, ok, failed, retries, calls, percent, timedOut, errors, uiMs }
}

// ---- main-thread probes ---------------------------------------------------------------------------

/** addFiles of every prepared file at once (no upload): wall time, long tasks, gaps, frames. */
async function addMany(cfg, files) {
  const uploader = window.Upkit.createUploader({
    publicKey: cfg.publicKey,
    auth: cfg.routeUrl,
    uploadEndpoint: cfg.uploadUrl,
    concurrency: cfg.concurrency,
    autoUpload: cfg.mode === 'add-auto', // add-auto (diagnostic): the uploads start right after the add
  })
  let calls = 0
  let seen = 0
  uploader.subscribe(() => {
    calls++
    seen = uploader.getSnapshot().counts.total
  })
  const stopLong = watchLongTasks()
  const stopGaps = watchGaps()
  const stopFrames = countFrames()
  performance.mark('bench-start')
  const t0 = performance.now()
  const result = await uploader.addFiles(files)
  const ms = performance.now() - t0
  if (cfg.mode === 'add-auto') await new Promise((resolve) => setTimeout(resolve, 400)) // the start of the uploads
  performance.mark('bench-end')
  await settle()
  const frames = stopFrames()
  const maxGap = stopGaps()
  const longTasks = stopLong()
  uploader.destroy()
  return {
    ms,
    added: result.added.length,
    rejected: result.rejected.length,
    calls,
    seen,
    longTasks,
    maxGap,
    ...frames,
  }
}

/** A 1 KB-file batch through Upkit or the SDK loop, with frames and long tasks counted around it. */
async function smallUpload(cfg, files, which) {
  const stopLong = watchLongTasks()
  const stopFrames = countFrames()
  performance.mark('bench-start')
  const result = which === 'sdk' ? await sdk(cfg, files) : await upkit(cfg, files, 'GET')
  performance.mark('bench-end')
  const frames = stopFrames() // before the settle wait: frames during the run only
  await settle()
  return { ...result, longTasks: stopLong(), ...frames }
}

window.bench = {
  async prepare(cfg) {
    prepared = makeFiles(cfg.count, cfg.size)
    // the browser process holds a File's bytes once it can read them (the harness then waits for quiet)
    await Promise.all(prepared.map((file) => file.slice(file.size - 1).arrayBuffer()))
    preparedSignatures =
      cfg.mode === 'raw' || cfg.mode === 'raw-progress' || cfg.mode === 'upkit-presigned'
        ? await signAll(cfg, cfg.count)
        : null
    return prepared.length
  },
  async run(cfg) {
    const files = prepared
    prepared = null
    if (!files || files.length !== cfg.count) throw new Error('bench.prepare(cfg) first')
    const stopLong = cfg.mode.startsWith('small-') || cfg.mode.startsWith('add') ? null : watchLongTasks()
    const stopTimeline = cfg.timeline ? recordTimeline() : null
    if (stopLong) performance.mark('bench-start') // (add and small-* mark their own window)
    let result
    const presigned = (i) => preparedSignatures[i]
    if (cfg.mode === 'raw') result = await raw(cfg, files, presigned, false)
    else if (cfg.mode === 'raw-progress') result = await raw(cfg, files, presigned, true)
    else if (cfg.mode === 'raw-sign') result = await raw(cfg, files, () => getSignature(cfg.routeUrl), true)
    else if (cfg.mode.startsWith('raw-batch-')) {
      const [, by, size] = /^raw-batch-(fetch|xhr)(?:-(\d+))?$/.exec(cfg.mode) ?? []
      result = await raw(cfg, files, batchSignatures(cfg, files, by, Number(size ?? 16)), true)
    } else if (cfg.mode === 'upkit-get-noahead') result = await upkit(cfg, files, 'GET', { signAhead: false })
    else if (cfg.mode === 'upkit-post-noahead') result = await upkit(cfg, files, 'POST', { signAhead: false })
    else if (cfg.mode === 'upkit-presigned') {
      // the engine with the baseline's signatures (an auth function hands them out): no signing requests
      const signatures = preparedSignatures.slice()
      result = await upkit(cfg, files, 'GET', { auth: async () => signatures.shift() })
    } else if (cfg.mode === 'sdk') result = await sdk(cfg, files)
    else if (cfg.mode === 'upkit-get') result = await upkit(cfg, files, 'GET')
    else if (cfg.mode === 'upkit-post') result = await upkit(cfg, files, 'POST')
    else if (cfg.mode === 'add' || cfg.mode === 'add-auto') result = await addMany(cfg, files)
    else if (cfg.mode === 'small-upkit') result = await smallUpload(cfg, files, 'upkit')
    else if (cfg.mode === 'small-sdk') result = await smallUpload(cfg, files, 'sdk')
    else throw new Error(`unknown mode ${cfg.mode}`)
    if (stopLong) performance.mark('bench-end')
    if (stopTimeline) {
      result.timeline = stopTimeline(result.startedAt, result.startedAt + result.ms)
    }
    if (stopLong) {
      await settle()
      result.longTasks = stopLong()
    }
    return result
  },
}
