// The React page: <Uploader> over an engine that never uploads (autoUpload: false).
import { createRoot } from 'react-dom/client'
import { Uploader } from '../../packages/react-uploader/src/index.js'
import { createUploader } from '../../packages/uploader-core/src/index.js'
import { install } from './page.js'

const uploader = createUploader({
  publicKey: 'public_bench',
  auth: async () => Promise.reject(new Error('the benchmark never uploads')),
  uploadEndpoint: 'http://127.0.0.1:9/api/v1/files/upload',
  autoUpload: false,
})
createRoot(document.getElementById('root') as HTMLElement).render(<Uploader uploader={uploader} />)
install(uploader)
