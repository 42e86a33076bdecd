import { Photos } from './Photos'

export default function Home() {
  return (
    <main>
      <h1>Photos</h1>
      <Photos />
    </main>
  )
}
