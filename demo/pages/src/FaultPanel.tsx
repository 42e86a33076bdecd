import { useCallback, useEffect, useId, useMemo, useState } from 'react'
import { applyKeyAction, type DemoConfig, type KeyAction } from './demo-config.js'
import {
  type EmulatorStats,
  emulatorApi,
  filesApi,
  type ListedFault,
  type NewFaultRule,
} from './emulator-api.js'
import { describeFault, FAULT_PRESETS } from './fault-presets.js'

export interface FaultPanelProps {
  config: DemoConfig
  /** Called after a key scenario changed the key the demo signs with (the uploader must be recreated). */
  onKeyChange?: (config: DemoConfig) => void
  /** The section's heading. @default 'Fault panel' */
  title?: string
}

const KEY_BUTTONS: { action: KeyAction; label: string; done: string }[] = [
  {
    action: 'roll-expire',
    label: 'Roll the key and expire the old one',
    done: 'The key was rolled and the old one expired: uploads now fail with "expired key" until the route gets the new key',
  },
  {
    action: 'read-only',
    label: 'Switch to a read-only restricted key',
    done: 'Now signing with a read-only key',
  },
  { action: 'restore', label: 'Restore a working key', done: 'Back to a working standard key' },
]

function usePolled(config: DemoConfig) {
  const api = useMemo(() => (config.emulatorUrl ? emulatorApi(config.emulatorUrl) : null), [config])
  const [stats, setStats] = useState<EmulatorStats | null>(null)
  const [faults, setFaults] = useState<ListedFault[]>([])
  const refresh = useCallback(async () => {
    if (!api) return
    try {
      const [nextStats, nextFaults] = await Promise.all([api.stats(), api.listFaults()])
      setStats(nextStats)
      setFaults(nextFaults)
    } catch {
      // The emulator went away (demo stopping): keep the last numbers.
    }
  }, [api])
  useEffect(() => {
    void refresh()
    const timer = setInterval(refresh, 1500)
    return () => clearInterval(timer)
  }, [refresh])
  return { api, stats, faults, refresh }
}

/** Buttons that inject the emulator's faults and key scenarios, with live counters. */
export function FaultPanel({ config, onKeyChange, title = 'Fault panel' }: FaultPanelProps) {
  const [times, setTimes] = useState(2)
  const [notice, setNotice] = useState('')
  const { api, stats, faults, refresh } = usePolled(config)
  const timesId = useId()

  if (!api) {
    return (
      <section className="demo-card demo-faults" aria-labelledby="fault-panel-title">
        <h2 id="fault-panel-title">{title}</h2>
        <p className="demo-note">
          Disabled: the demo is uploading to a real ImageKit account. Faults can only be injected into the
          local emulator (unset the IMAGEKIT_* variables to use it).
        </p>
      </section>
    )
  }

  const run = async (label: string, task: () => Promise<unknown>) => {
    try {
      await task()
      setNotice(label)
    } catch (error) {
      setNotice(`Failed: ${String(error)}`)
    }
    await refresh()
  }
  const addFault = (rule: NewFaultRule) => run(`Added: ${describeFault(rule)}`, () => api.addFault(rule))
  const keyAction = (action: KeyAction, done: string) =>
    run(done, async () => onKeyChange?.(await applyKeyAction(action)))

  return (
    <section className="demo-card demo-faults" aria-labelledby="fault-panel-title">
      <h2 id="fault-panel-title">{title}</h2>
      <p className="demo-note">
        Make the emulator misbehave, then upload and watch the retries and messages.
      </p>
      <div className="demo-field demo-field--inline">
        <label htmlFor={timesId}>Apply to the next</label>
        <input
          id={timesId}
          type="number"
          min={1}
          max={20}
          value={times}
          onChange={(event) => setTimes(Math.max(1, Math.min(20, Number(event.target.value) || 1)))}
        />
        <span>uploads</span>
      </div>
      <fieldset className="demo-buttons">
        <legend>Upload faults</legend>
        {FAULT_PRESETS.map((preset) => (
          <button key={preset.label} type="button" onClick={() => addFault(preset.rule(times))}>
            {preset.label}
          </button>
        ))}
      </fieldset>
      <fieldset className="demo-buttons" aria-describedby={`${timesId}-keys`}>
        <legend>Key scenarios</legend>
        {KEY_BUTTONS.map(({ action, label, done }) => (
          <button key={action} type="button" onClick={() => keyAction(action, done)}>
            {label}
          </button>
        ))}
        {config.keyState === 'rolled-expired' && (
          <button
            type="button"
            className="demo-primary"
            onClick={() =>
              keyAction('use-new-key', 'The signing route now signs with the new key: uploads work again')
            }
          >
            Give the signing route the new key
          </button>
        )}
      </fieldset>
      <p className="demo-note" id={`${timesId}-keys`}>
        Rolling a key makes a new key pair; the old one keeps working until the expiry chosen when rolling
        (ImageKit offers at once, 1 hour, 24 hours, 3 or 7 days), then the signing route must be given the new
        private key. Here the old key expires at once and the route keeps signing with it, as an app that was
        not redeployed would: uploads fail with "expired key" until you give the route the new key.
      </p>
      <fieldset className="demo-buttons">
        <legend>Reset</legend>
        <button type="button" onClick={() => run('All faults cleared', api.clearFaults)}>
          Clear faults
        </button>
        <button type="button" onClick={() => run('All stored files deleted', filesApi.clear)}>
          Clear stored files
        </button>
      </fieldset>
      <p className="demo-notice" role="status" aria-live="polite">
        {notice}
      </p>
      <FaultStatus config={config} stats={stats} faults={faults} />
    </section>
  )
}

function FaultStatus(props: { config: DemoConfig; stats: EmulatorStats | null; faults: ListedFault[] }) {
  const { config, stats, faults } = props
  return (
    <div className="demo-status">
      <dl className="demo-counters">
        <div>
          <dt>Upload requests</dt>
          <dd data-testid="stat-requests">{stats?.requests ?? '…'}</dd>
        </div>
        <div>
          <dt>Files stored</dt>
          <dd data-testid="stat-uploads">{stats?.uploads ?? '…'}</dd>
        </div>
        <div>
          <dt>Tokens used</dt>
          <dd>{stats?.tokensUsed.length ?? '…'}</dd>
        </div>
        <div>
          <dt>Signing key</dt>
          <dd>{config.keyState}</dd>
        </div>
      </dl>
      <h3>Active faults</h3>
      {faults.length === 0 ? (
        <p className="demo-note">None: the emulator behaves like ImageKit.</p>
      ) : (
        <ul className="demo-fault-list">
          {faults.map((fault) => (
            <li key={fault.id}>{describeFault(fault)}</li>
          ))}
        </ul>
      )}
    </div>
  )
}
