/** Counts the XHRs the engine opens and how many are in flight at once. */
export function countingXhr() {
  const counter = { opened: 0, inFlight: 0, maxInFlight: 0 }
  const xhr = (): XMLHttpRequest => {
    const request = new XMLHttpRequest()
    const send = request.send.bind(request)
    request.send = (body) => {
      counter.opened++
      counter.inFlight++
      counter.maxInFlight = Math.max(counter.maxInFlight, counter.inFlight)
      request.addEventListener('loadend', () => counter.inFlight--)
      send(body)
    }
    return request
  }
  return { counter, xhr }
}
