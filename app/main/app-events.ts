/**
 * App-level events that open the popover: a second launch (the single-instance lock sends it to
 * us as `second-instance`) and, on macOS, `activate`, which Finder, Spotlight and the Dock send
 * when the running app is launched again (docs/api/app.md, "Event: 'activate'").
 */
export interface AppEventsLike {
  on(event: 'second-instance', listener: () => void): unknown;
  on(event: 'activate', listener: () => void): unknown;
}

export function openOnRelaunch(app: AppEventsLike, open: () => void): void {
  app.on('second-instance', () => open());
  app.on('activate', () => open());
}
