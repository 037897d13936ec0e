// scripts/setup.sh, run for real: every tool the tests and the preview use must run on this machine, a tool that
// does not start (a missing library) is named with its packages and reinstalled, and where the system's Node.js is
// older than the pinned one, npm ci runs on the pinned build fetched from the npm registry.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'limber-setup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs setup (the project's, or a copy in `cwd`) with `bin` first on PATH. */
function setup(args: string[], opts: { bin?: string; project?: string; tools?: string } = {}): Promise<Run> {
  const project = opts.project ?? root;
  const PATH = opts.bin ? `${opts.bin}:${process.env.PATH}` : process.env.PATH;
  const env = { ...process.env, PATH, ...(opts.tools ? { LIMBER_SETUP_TOOLS: opts.tools } : {}) };
  const child = spawn('bash', [join(project, 'scripts/setup.sh'), ...args], { cwd: project, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

/** A folder of stand-in commands, each a shell script. */
function shims(name: string, scripts: Record<string, string>): string {
  const bin = join(dir, name);
  mkdirSync(bin, { recursive: true });
  for (const [cmd, body] of Object.entries(scripts)) {
    writeFileSync(join(bin, cmd), `#!/bin/sh\n${body}\n`);
    chmodSync(join(bin, cmd), 0o755);
  }
  return bin;
}

/** What xfconf-query does when Debian's xfconf is installed without the library it only recommends. */
const BROKEN_XFCONF = `echo "xfconf-query: error while loading shared libraries: libxfconf-0.so.3: cannot open shared object file: No such file or directory" >&2; exit 127`;

describe.skipIf(process.platform !== 'linux')('scripts/setup.sh', () => {
  // One run of the whole list (it starts ~40 tools): all but the broken one must run on this machine.
  it('every tool the tests and the preview use runs here; one that exists but does not start fails, named with its error and packages', async () => {
    const r = await setup(['--check'], { bin: shims('check', { 'xfconf-query': BROKEN_XFCONF }) });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'setup: does not run: xfconf-query --version — xfconf-query: error while loading shared libraries: libxfconf-0.so.3: cannot open shared object file: No such file or directory (Debian package: xfconf libxfconf-0-3)',
    ]);
  });

  it('installs the packages of what does not run, recommended libraries named; still not running after that is an error', async () => {
    const log = join(dir, 'apt.log');
    const bin = shims('install', { 'xfconf-query': BROKEN_XFCONF, id: 'echo 0', 'apt-get': `echo "$*" >> ${log}` });
    const r = await setup(['--quiet'], { bin, tools: 'true | true\nxfconf libxfconf-0-3 | xfconf-query --version' });
    expect(r.stdout).toBe('setup: installing libxfconf-0-3 xfconf\n');
    expect(readFileSync(log, 'utf8').split('\n')).toEqual(['update -qq', 'install -y -qq --no-install-recommends libxfconf-0-3 xfconf', '']);
    expect(r.stderr).toContain('setup: does not run: xfconf-query --version');
    expect(r.stderr).toContain('setup: installed, but the tools above still do not run');
    expect(r.status).toBe(1);
  });

  it('with an older system Node.js, npm ci runs on the pinned version fetched from the npm registry into .cache/node', async () => {
    // A project with setup and a lock file pinning the node package, and no node_modules yet.
    const project = join(dir, 'project');
    mkdirSync(join(project, 'scripts'), { recursive: true });
    cpSync(join(root, 'scripts/setup.sh'), join(project, 'scripts/setup.sh'));
    const lock = { name: 'x', lockfileVersion: 3, packages: { '': { devDependencies: { node: '^24.21.0' } }, 'node_modules/node': { version: '24.21.0', dev: true } } };
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(lock, null, 2));
    const log = join(dir, 'npm.log');
    const arch = { x64: 'x64', arm64: 'arm64' }[process.arch as string] ?? process.arch;
    // The system's node is 20; npm packs a node build (its bin/node says v24.21.0) and installs with whatever node is first on PATH.
    const bin = shims('node20', {
      node: 'echo v20.20.2',
      npm: [
        `echo "$* (node $(node --version))" >> ${log}`,
        'case "$1" in',
        `  pack) mkdir -p p/package/bin && printf '#!/bin/sh\\necho v24.21.0\\n' > p/package/bin/node && chmod +x p/package/bin/node && tar -czf node-linux-${arch}-24.21.0.tgz -C p package && rm -r p ;;`,
        `  ci) mkdir -p node_modules/.bin && cp "$(command -v node)" node_modules/.bin/node && echo '{}' > node_modules/.package-lock.json ;;`,
        'esac',
      ].join('\n'),
    });
    const r = await setup([], { bin, project, tools: 'coreutils | true' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(log, 'utf8').split('\n')).toEqual([`pack --silent node-linux-${arch}@24.21.0 (node v20.20.2)`, 'ci --no-audit --no-fund (node v24.21.0)', '']);
    expect(r.stdout).toContain(`setup: fetching Node.js 24.21.0 (node-linux-${arch}@24.21.0) from the npm registry\n`);
    expect(r.stdout).toContain('setup: node v24.21.0\n');
    expect(existsSync(join(project, '.cache/node/v24.21.0/bin/node'))).toBe(true);
  });
});
