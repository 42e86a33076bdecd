import { Uploader } from '@upkit/react-uploader'
import { imagekitSetup } from '../lib/imagekit'

// The key pair is read when the page is requested (not at build time), so the emulator's keys are current.
export const dynamic = 'force-dynamic'

export default function Home() {
  const imagekit = imagekitSetup()
  return (
    <main style={{ maxWidth: '44rem', margin: '0 auto', padding: '1.5rem' }}>
      <h1>Upkit in the Next.js App Router</h1>
      <p>
        <code>&lt;Uploader&gt;</code> signs every upload at <code>/api/imagekit/auth</code> and sends the file
        straight to {imagekit.mode === 'imagekit' ? 'ImageKit' : 'the local ImageKit emulator'}.
      </p>
      <Uploader
        publicKey={imagekit.publicKey}
        auth={{ url: '/api/imagekit/auth', method: 'POST' }}
        {...(imagekit.uploadEndpoint ? { uploadEndpoint: imagekit.uploadEndpoint } : {})}
      />
    </main>
  )
}
