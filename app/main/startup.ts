/**
 * Start-up that fails loudly. `app.whenReady().then(start, onError)` would catch only a failed
 * whenReady, not an error thrown inside `start()`: the process would stay hidden, with no tray and
 * no window, holding the single-instance lock so that launching again does nothing. Any failure is
 * shown in a dialog (which Electron allows even before `ready`, docs/api/dialog.md) and the process
 * ends with `app.exit`, which skips `before-quit` handlers that could wait on half-built services.
 */
export interface StartupApp {
  whenReady(): Promise<unknown>;
  exit(exitCode?: number): void;
}

export function runStartup(
  app: StartupApp,
  start: () => Promise<void>,
  showErrorBox: (title: string, content: string) => void,
): Promise<void> {
  return app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.error('spendbar: could not start:', reason);
      showErrorBox('Spendbar could not start', `${reason}\n\nSpendbar will quit. Start it again once this is fixed.`);
      app.exit(1);
    });
}
