/** Refresh when the computer wakes, the screen unlocks, or the network comes back. */
/** What we use of Electron's powerMonitor. */
export interface PowerMonitorLike {
  on(event: 'resume', listener: () => void): unknown;
  on(event: 'unlock-screen', listener: () => void): unknown;
  removeListener(event: 'resume', listener: () => void): unknown;
  removeListener(event: 'unlock-screen', listener: () => void): unknown;
}

export interface SystemEventDeps {
  readonly powerMonitor: PowerMonitorLike;
  readonly isOnline: () => boolean;
  readonly refresh: () => void;
  readonly checkEveryMs?: number;
}

export function watchSystemEvents(deps: SystemEventDeps): () => void {
  const refresh = () => deps.refresh();
  deps.powerMonitor.on('resume', refresh);
  deps.powerMonitor.on('unlock-screen', refresh);
  let online = deps.isOnline();
  // Electron's main process has no "online" event: look every few seconds, act on the change.
  const timer = setInterval(() => {
    const now = deps.isOnline();
    if (now && !online) refresh();
    online = now;
  }, deps.checkEveryMs ?? 10_000);
  return () => {
    clearInterval(timer);
    deps.powerMonitor.removeListener('resume', refresh);
    deps.powerMonitor.removeListener('unlock-screen', refresh);
  };
}
