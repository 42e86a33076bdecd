import './demo.css'
import { upload } from '@imagekit/javascript'
import { fetchDemoConfig } from './demo-config.js'

const IMAGEKIT_UPLOAD_URL = 'https://upload.imagekit.io/api/v1/files/upload'

/** An XMLHttpRequest that sends ImageKit's upload URL to `uploadEndpoint` instead (the emulator). */
function redirectingXhr(uploadEndpoint: string): XMLHttpRequest {
  const xhr = new XMLHttpRequest()
  const open = xhr.open.bind(xhr) as (method: string, url: string | URL) => void
  xhr.open = ((method: string, url: string | URL) =>
    open(method, String(url) === IMAGEKIT_UPLOAD_URL ? uploadEndpoint : url)) as typeof xhr.open
  return xhr
}

const input = document.getElementById('file') as HTMLInputElement
const status = document.getElementById('status') as HTMLElement

input.addEventListener('change', async () => {
  const file = input.files?.[0]
  if (!file) return
  status.textContent = `Uploading ${file.name} …`
  try {
    const config = await fetchDemoConfig()
    const auth = await fetch('/api/imagekit/auth', { cache: 'no-store' })
    if (!auth.ok) throw new Error(`the signing route answered ${auth.status}`)
    const { token, expire, signature, publicKey } = (await auth.json()) as {
      token: string
      expire: number
      signature: string
      publicKey?: string
    }
    const result = await upload({
      file,
      fileName: file.name,
      publicKey: publicKey ?? config.publicKey,
      token,
      expire,
      signature,
      folder: config.folder,
      ...(config.mode === 'emulator' ? { xhr: redirectingXhr(config.uploadEndpoint) } : {}),
    })
    status.textContent = `Uploaded ${result.name} to ${result.filePath}`
    status.dataset.url = result.url ?? ''
  } catch (error) {
    status.textContent = `Upload failed: ${error instanceof Error ? error.message : String(error)}`
  }
})
