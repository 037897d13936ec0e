// Start at login on Linux: an XDG autostart entry (Electron's setLoginItemSettings is macOS/Windows only).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function autostartDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config'), 'autostart');
}

export function autostartEntry(exec: string): string {
  // Exec per the Desktop Entry spec: the path in double quotes with " ` $ \ backslash-escaped, % doubled (field codes),
  // then every backslash escaped once more, because string unescaping happens before the Exec line is split.
  const quoted = `"${exec.replace(/(["`$\\])/g, '\\$1').replaceAll('%', '%%')}"`.replaceAll('\\', '\\\\');
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Limber',
    'Comment=Posture breaks and desk exercises',
    `Exec=${quoted} --hidden`,
    'Icon=limber',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Write or remove ~/.config/autostart/limber.desktop; returns the file's path. */
export function setLinuxAutostart(enabled: boolean, exec: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = autostartDir(env);
  const file = join(dir, 'limber.desktop');
  if (enabled) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, autostartEntry(exec));
  } else {
    rmSync(file, { force: true });
  }
  return file;
}
