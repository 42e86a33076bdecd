// The control page: the same stylesheet and scroll box, but static rows and no widget code running
// on scroll. Its frame times are the machine's noise floor for the two widget pages.
import { install } from './page.js'

const row = (i: number) => `<li class="upkit-file" data-status="queued"><div class="upkit-file-main">
<span class="upkit-file-name">file-${String(i).padStart(5, '0')}.txt</span></div></li>`
const root = document.getElementById('root') as HTMLElement
root.innerHTML = `<div class="upkit upkit--styled"><ul class="upkit-files upkit-files--virtual"
  aria-label="Files">${Array.from({ length: 14 }, (_, i) => row(i)).join('')}</ul></div>`
install(null)
