/** A scripted XMLHttpRequest for unit tests (tus-js-client's TestHttpStack idea). */
export class FakeXhr {
  method = ''
  url = ''
  body: FormData | undefined
  status = 0
  responseText = ''
  aborted = false
  headers: Record<string, string> = {}
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null }
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  onabort: (() => void) | null = null
  ontimeout: (() => void) | null = null
  onprogress: (() => void) | null = null
  #server: FakeUploadServer

  constructor(server: FakeUploadServer) {
    this.#server = server
  }

  open(method: string, url: string): void {
    this.method = method
    this.url = url
  }

  send(body: FormData): void {
    this.body = body
    this.#server.requests.push(this)
    this.#server.inFlight++
    this.#server.maxInFlight = Math.max(this.#server.maxInFlight, this.#server.inFlight)
    this.#server.onRequest(this)
  }

  abort(): void {
    if (this.#done()) return
    this.aborted = true
    this.onabort?.()
  }

  getResponseHeader(name: string): string | null {
    return this.headers[name.toLowerCase()] ?? null
  }

  getAllResponseHeaders(): string {
    return Object.entries(this.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('')
  }

  field(name: string): string | null {
    const value = this.body?.get(name)
    return typeof value === 'string' ? value : null
  }

  progress(loaded: number, total: number): void {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent)
  }

  respond(status: number, body: unknown, headers: Record<string, string> = {}): void {
    if (this.#done()) return
    this.status = status
    this.responseText = typeof body === 'string' ? body : JSON.stringify(body)
    this.headers = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
    this.onload?.()
  }

  fail(): void {
    if (!this.#done()) this.onerror?.()
  }

  #finished = false
  #done(): boolean {
    if (this.#finished) return true
    this.#finished = true
    this.#server.inFlight--
    return false
  }
}

export function successBody(name: string) {
  return { fileId: `id-${name}`, name, filePath: `/${name}`, url: `https://ik.example/${name}`, size: 1 }
}

/** Collects requests; by default answers every upload with success on the next tick. */
export class FakeUploadServer {
  requests: FakeXhr[] = []
  inFlight = 0
  maxInFlight = 0
  onRequest: (xhr: FakeXhr) => void = (xhr) => {
    setTimeout(() => xhr.respond(200, successBody(xhr.field('fileName') ?? 'x')), 0)
  }
  xhr = (): XMLHttpRequest => new FakeXhr(this) as unknown as XMLHttpRequest
}

/** A fake signing route: a fresh token per call. */
export function fakeSigner() {
  let n = 0
  const calls: Array<{ url: string; init: RequestInit }> = []
  const fetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init })
    n++
    return new Response(JSON.stringify({ token: `tok-${n}`, expire: 4_000_000_000, signature: `sig-${n}` }), {
      headers: { 'content-type': 'application/json' },
    })
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls }
}

/** A switchable online source. */
export function fakeOnline(initial = true) {
  let online = initial
  const listeners = new Set<() => void>()
  return {
    isOnline: () => online,
    subscribe(callback: () => void) {
      listeners.add(callback)
      return () => listeners.delete(callback)
    },
    set(value: boolean) {
      online = value
      for (const l of [...listeners]) l()
    },
  }
}

export function makeFile(name: string, size = 1000, type = 'image/png'): File {
  return new File([new Uint8Array(size)], name, { type })
}

/** Resolves when the predicate holds on the uploader's snapshot. */
export function waitFor<T>(
  uploader: { subscribe(l: () => void): () => void; getSnapshot(): T },
  predicate: (snapshot: T) => boolean,
): Promise<T> {
  return new Promise((resolve) => {
    const check = () => {
      const snapshot = uploader.getSnapshot()
      if (predicate(snapshot)) {
        unsubscribe()
        resolve(snapshot)
      }
    }
    const unsubscribe = uploader.subscribe(check)
    check()
  })
}
