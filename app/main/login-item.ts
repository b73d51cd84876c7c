/**
 * Launch at login on every OS. Electron's `setLoginItemSettings` is macOS and Windows only
 * (electron.d.ts `@platform darwin,win32`; on Linux it does nothing, electron/electron#15198), so on
 * Linux we write or remove an XDG autostart entry, which GNOME, KDE, Xfce, Cinnamon and MATE honour
 * (freedesktop.org Desktop Application Autostart Specification): `$XDG_CONFIG_HOME/autostart`,
 * `~/.config/autostart` by default. Run as an AppImage, the entry starts the AppImage file
 * (`$APPIMAGE`), not the binary inside its temporary mount.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../sources/atomic-file.ts';

export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean }): void;
}

export interface LoginItemEnv {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly home: string;
  readonly execPath: string;
}

export const AUTOSTART_FILE = 'app.spendbar.desktop.desktop';

export function autostartPath({ env, home }: Pick<LoginItemEnv, 'env' | 'home'>): string {
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), 'autostart', AUTOSTART_FILE);
}

/** Desktop-entry Exec quoting: the path in double quotes, with \ " ` $ escaped. */
const quoteExec = (path: string) => `"${path.replace(/[\\"`$]/g, (c) => `\\${c}`)}"`;

export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Spendbar',
    'Comment=LLM API spend in your menu bar',
    `Exec=${quoteExec(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function setLaunchAtLogin(app: LoginItemApp, where: LoginItemEnv, enabled: boolean): void {
  if (where.platform === 'darwin' || where.platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled });
    return;
  }
  const file = autostartPath(where);
  if (!enabled) {
    rmSync(file, { force: true });
    return;
  }
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileAtomic(file, autostartEntry(where.env.APPIMAGE || where.execPath));
}
