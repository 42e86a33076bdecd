/** A port the demo needs is taken: the message names it and the variable that moves it. */
export class PortInUseError extends Error {
  readonly code = 'EADDRINUSE'
  readonly port: number
  readonly variable: string

  constructor(port: number, variable: string, cause: unknown) {
    super(`port ${port} is in use (${variable}); stop the other process or set ${variable}=<another port>`, {
      cause,
    })
    this.port = port
    this.variable = variable
  }
}

/** A listen failure as the demo reports it: a taken port becomes a PortInUseError, anything else is kept. */
export function portError(error: unknown, port: number, variable: string): unknown {
  return (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE'
    ? new PortInUseError(port, variable, error)
    : error
}
