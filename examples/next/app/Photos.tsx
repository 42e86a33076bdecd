'use client'
// A client component: `onSuccess` is a function, which a server component cannot hand to <Uploader>.
import { Uploader } from '@upkit/react-uploader'

export function Photos() {
  return (
    <Uploader
      auth={{ url: '/api/imagekit/auth', method: 'POST' }} // POST: the route checks each file against its policy
      uploadEndpoint="http://127.0.0.1:4600/api/v1/files/upload" // the local emulator; leave out for ImageKit
      params={{ tags: ['web'] }} // the folder is the route's to decide (forcedFolder)
      restrictions={{ maxFileSize: 10_000_000, allowedFileTypes: ['image/*'] }}
      onSuccess={(file, result) => console.log(file.name, '→', result.url)}
    />
  )
}
