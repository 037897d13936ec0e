// electron-builder.yml checked the way electron-builder itself checks it (its shipped JSON schema, its ajv options),
// plus what the schema cannot know: that every file, folder and icon it names exists and fits the platform.
import Ajv from 'ajv';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng, icoSizes } from './png.ts';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// js-yaml ships no type declarations; only `load` is used, typed here.
const yaml = require('js-yaml') as { load(text: string): unknown };
const schema = require('app-builder-lib/scheme.json') as object;

type Config = Record<string, unknown> & {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  extraResources: { from: string; to: string; filter: string[] }[];
  linux: { target: string[]; category: string; icon: string; maintainer: string; syncDesktopName?: boolean; desktop: { entry: Record<string, string> } };
  deb: { depends: string[] };
  mac: { target: string[]; icon: string; extendInfo: Record<string, unknown> };
  win: { target: string[]; icon: string };
  electronFuses?: Record<string, boolean>;
  nsis: { installerIcon: string; uninstallerIcon: string };
};

function loadConfig(): Config {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

function validator() {
  // The options electron-builder's own schemaValidator uses; its schema carries custom keywords (`typeof`) only strict:false accepts.
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

describe('electron-builder.yml', () => {
  const config = loadConfig();

  it('is valid against electron-builder’s own schema', () => {
    const validate = validator();
    const ok = validate(config);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).toEqual([]);
    expect(ok).toBe(true);
  });

  it('the schema check really rejects what electron-builder would (a misspelt key, a wrong type)', () => {
    const validate = validator();
    expect(validate({ ...config, prodcutName: 'Limber' })).toBe(false);
    expect(validate({ ...config, linux: { ...config.linux, category: 42 } })).toBe(false);
  });

  it('flips Electron’s fuses: no Node mode, NODE_OPTIONS or --inspect; cookies encrypted; only the checked app.asar loads', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // A misspelt fuse would be silently dropped if the schema let it through.
    expect(validator()({ ...config, electronFuses: { ...config.electronFuses, runAsNodes: false } })).toBe(false);
  });

  it('names the app as main.ts does and as the README promises', () => {
    expect(config.appId).toBe('app.limber.Limber');
    expect(config.productName).toBe('Limber');
    const main = readFileSync(join(root, 'electron/main.ts'), 'utf8');
    expect(main).toContain(`setAppUserModelId('${config.appId}')`);
  });

  it('packs the built app and no sources, and unpacks node-notifier’s helpers from asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('package.json');
    for (const f of config.files.filter((f) => !f.startsWith('!'))) {
      expect(f, 'sources stay out of the package').not.toMatch(/^(electron|renderer|e2e|scripts|bench)\//);
    }
    expect(config.asarUnpack).toContain('node_modules/node-notifier/vendor/**');
    expect(existsSync(join(root, 'node_modules/node-notifier/vendor'))).toBe(true);
    // package.json's entry point must be among the packed files.
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string };
    expect(config.files.some((f) => f.endsWith('/**') && pkg.main.startsWith(f.slice(0, -2)))).toBe(true);
  });

  it('ships the icons where main.ts looks for them when packaged', () => {
    const main = readFileSync(join(root, 'electron/main.ts'), 'utf8');
    expect(main).toMatch(/join\(process\.resourcesPath, 'resources'\)/);
    const icons = config.extraResources.find((r) => r.from === 'resources');
    expect(icons?.to).toBe('resources');
    expect(icons?.filter).toContain('!icons/src/**');
    for (const f of ['tray-workingTemplate.png', 'tray-working-22.png', 'tray-paused-16.png', 'limber.png']) {
      expect(existsSync(join(root, 'resources/icons', f)), f).toBe(true);
    }
  });

  it('every path it names exists', () => {
    const paths = [
      ...config.extraResources.map((r) => r.from),
      config.linux.icon,
      config.mac.icon,
      config.win.icon,
      config.nsis.installerIcon,
      config.nsis.uninstallerIcon,
      (config.directories as { buildResources: string }).buildResources,
    ];
    for (const p of paths) expect(existsSync(join(root, p)), p).toBe(true);
  });

  it('has icons each platform accepts: a ≥512 px PNG for Linux and macOS, an .ico with 256 px for Windows', () => {
    for (const p of [config.linux.icon, config.mac.icon]) {
      const png = decodePng(readFileSync(join(root, p)));
      expect(png.width, p).toBeGreaterThanOrEqual(512);
      expect(png.height, p).toBe(png.width);
    }
    for (const p of [config.win.icon, config.nsis.installerIcon]) {
      expect(icoSizes(readFileSync(join(root, p)))).toContain(256);
    }
  });

  it('targets AppImage + deb, dmg (no Dock icon) and nsis', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('Utility');
    // deb refuses to build without a maintainer e-mail.
    expect(config.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(config.linux.desktop.entry.Name).toBe('Limber');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.mac.extendInfo.LSUIElement).toBe(true);
    // macOS shows notification buttons only in alert style.
    expect(config.mac.extendInfo.NSUserNotificationAlertStyle).toBe('alert');
    expect(config.win.target).toEqual(['nsis']);
  });

  it('the .deb keeps electron-builder’s default dependencies (deb.depends replaces them)', () => {
    // electron-builder's own default list, read from its source so a new default is noticed.
    const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget.js') as { default: { prototype: { getDefaultDepends(t: string): string[] } } }).default;
    const defaults = FpmTarget.prototype.getDefaultDepends.call({}, 'deb');
    expect(defaults.length).toBeGreaterThan(5);
    for (const d of defaults) expect(config.deb.depends, d).toContain(d);
    expect(config.deb.depends).toContain('libnotify-bin');
  });

  it('a reverse-DNS desktopName names the .desktop file in development and packaged (Wayland portals use it)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { desktopName?: string };
    expect(pkg.desktopName).toBe(`${config.appId}.desktop`);
    expect(config.linux.syncDesktopName).toBe(true);
    expect(config.extraMetadata, 'packaged desktopName must not differ from development').toBeUndefined();
  });

  it('the build output it packs is what the build writes', () => {
    const outDirs = config.files.filter((f) => f.startsWith('out/')).map((f) => f.replace(/\/\*\*$/, ''));
    expect(outDirs.sort()).toEqual(['out/main', 'out/preload', 'out/renderer']);
    const electronConfig = readFileSync(join(root, 'vite.config.electron.ts'), 'utf8');
    for (const d of ['out/main', 'out/preload']) expect(electronConfig).toContain(`'${d}'`);
    expect(readFileSync(join(root, 'vite.config.renderer.ts'), 'utf8')).toContain("'out/renderer'");
    if (existsSync(join(root, 'out/main'))) {
      expect(statSync(join(root, 'out/main')).isDirectory()).toBe(true);
      expect(readdirSync(join(root, 'out/main'))).toContain('main.js');
    }
  });
});
