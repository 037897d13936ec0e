import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { autostartDir, autostartEntry, setLinuxAutostart } from './autostart-linux.ts';

const temps: string[] = [];
function tempHome(): string {
  const d = mkdtempSync(join(tmpdir(), 'limber-autostart-'));
  temps.push(d);
  return d;
}
afterEach(() => {
  for (const d of temps.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Exec= read back as the Desktop Entry spec says a launcher does: string unescaping first, then the quoting rule
 * (one double-quoted argument, then the rest split on spaces), then %% as a literal %. */
function execArgs(entry: string): string[] {
  const raw = /^Exec=(.*)$/m.exec(entry)?.[1];
  if (raw === undefined) throw new Error('no Exec line');
  const exec = raw.replace(/\\([sntr\\])/g, (_m, c: string) => ({ s: ' ', n: '\n', t: '\t', r: '\r', '\\': '\\' })[c]!);
  const m = /^"((?:[^"\\]|\\.)*)"(.*)$/.exec(exec);
  if (!m) throw new Error(`Exec is not quoted: ${exec}`);
  const first = m[1]!.replace(/\\(["`$\\])/g, '$1');
  if (/\\/.test(m[1]!.replace(/\\(["`$\\])/g, ''))) throw new Error(`a backslash escapes a character the spec does not allow: ${m[1]}`);
  return [first, ...m[2]!.trim().split(/\s+/).filter(Boolean)].map((a) => a.replaceAll('%%', '%'));
}

describe('Linux autostart', () => {
  it('goes to $XDG_CONFIG_HOME/autostart, else ~/.config/autostart', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/x/cfg', HOME: '/home/u' })).toBe(join('/x/cfg', 'autostart'));
    expect(autostartDir({ HOME: '/home/u' })).toBe(join('/home/u', '.config', 'autostart'));
    expect(autostartDir({ XDG_CONFIG_HOME: '', HOME: '/home/u' })).toBe(join('/home/u', '.config', 'autostart'));
  });

  it('writes limber.desktop in a temporary HOME, and removes it again', () => {
    const home = tempHome();
    const env = { HOME: home };
    const file = setLinuxAutostart(true, '/opt/Limber/limber', env);
    expect(file).toBe(join(home, '.config', 'autostart', 'limber.desktop'));
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')[0]).toBe('[Desktop Entry]');
    expect(text).toMatch(/^Type=Application$/m);
    expect(text).toMatch(/^Name=Limber$/m);
    expect(text).toMatch(/^Icon=limber$/m);
    expect(text).toMatch(/^Terminal=false$/m);
    expect(text).toMatch(/^X-GNOME-Autostart-enabled=true$/m);
    expect(execArgs(text)).toEqual(['/opt/Limber/limber', '--hidden']);

    // Writing again replaces, not appends.
    setLinuxAutostart(true, '/opt/Limber/limber', env);
    expect(readFileSync(file, 'utf8')).toBe(text);

    expect(setLinuxAutostart(false, '/opt/Limber/limber', env)).toBe(file);
    expect(existsSync(file)).toBe(false);
    // Turning off what is already off is fine.
    expect(() => setLinuxAutostart(false, '/opt/Limber/limber', env)).not.toThrow();
  });

  it('honours XDG_CONFIG_HOME', () => {
    const home = tempHome();
    const cfg = join(home, 'elsewhere');
    const file = setLinuxAutostart(true, '/usr/bin/limber', { HOME: home, XDG_CONFIG_HOME: cfg });
    expect(file).toBe(join(cfg, 'autostart', 'limber.desktop'));
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(home, '.config'))).toBe(false);
  });

  it('quotes the Exec path so spaces and the reserved characters survive (an AppImage in ~/My Apps)', () => {
    for (const path of ['/home/u/My Apps/Limber-0.1.0.AppImage', '/tmp/we"ird/$HOME/`x`/back\\slash/100%/limber']) {
      expect(execArgs(autostartEntry(path))).toEqual([path, '--hidden']);
    }
    // The spec's own examples: a literal $ is \\$ in the file, a literal backslash four of them, % is %%.
    expect(autostartEntry('/a b/c$d')).toContain('Exec="/a b/c\\\\$d" --hidden');
    expect(autostartEntry('/a\\b')).toContain('Exec="/a\\\\\\\\b" --hidden');
    expect(autostartEntry('/100%')).toContain('Exec="/100%%" --hidden');
  });
});
