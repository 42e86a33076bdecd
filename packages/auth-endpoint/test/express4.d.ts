// `express4` is an npm alias of express@4.21.2; its API is the one @types/express describes.
declare module 'express4' {
  import express from 'express'
  export default express
}
