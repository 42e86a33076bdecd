// The vanilla page: mount() with its own engine, which never uploads (autoUpload: false).
import { mount } from '../../packages/uploader-core/src/dom/index.js'
import { install } from './page.js'

const { uploader } = mount(document.getElementById('root') as HTMLElement, {
  publicKey: 'public_bench',
  auth: async () => Promise.reject(new Error('the benchmark never uploads')),
  uploadEndpoint: 'http://127.0.0.1:9/api/v1/files/upload',
  autoUpload: false,
})
install(uploader)
