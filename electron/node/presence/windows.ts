// Windows: the shell's notification state (busy / fullscreen Direct3D / presentation mode), Focus Assist (the
// shell's WNF state, undocumented), both through koffi; the microphone and camera in use from the privacy
// ConsentStore (`reg query`: an app that started using a device and has not stopped).
import type { HoldSource, HoldVerdict } from '../../core/holds.ts';
import { execTool, type Exec } from './tool.ts';

/** QUERY_USER_NOTIFICATION_STATE values. */
export const QUNS = { NOT_PRESENT: 1, BUSY: 2, RUNNING_D3D_FULL_SCREEN: 3, PRESENTATION_MODE: 4, ACCEPTS_NOTIFICATIONS: 5, QUIET_TIME: 6, APP: 7 } as const;

export function notificationStateVerdict(state: number | null): HoldVerdict {
  switch (state) {
    case null:
      return { state: 'unknown', why: 'SHQueryUserNotificationState failed' };
    case QUNS.PRESENTATION_MODE:
      return { state: 'held', reason: 'presentation', detail: 'presentation mode is on' };
    case QUNS.BUSY:
    case QUNS.RUNNING_D3D_FULL_SCREEN:
    case QUNS.APP:
      return { state: 'held', reason: 'fullscreen', detail: 'a fullscreen app is in front' };
    default:
      // NOT_PRESENT is a locked or away session: presence, not a hold. QUIET_TIME is the first hour of a new account.
      return { state: 'free' };
  }
}

/** Focus Assist: 0 off, 1 priority only, 2 alarms only. */
export function focusAssistVerdict(profile: number | null): HoldVerdict {
  if (profile === null) return { state: 'unknown', why: 'Focus Assist state could not be read' };
  return profile === 1 || profile === 2 ? { state: 'held', reason: 'do-not-disturb', detail: profile === 1 ? 'Focus Assist: priority only' : 'Focus Assist: alarms only' } : { state: 'free' };
}

export interface WinShellLike {
  notificationState(): number | null;
  focusAssist(): number | null;
}

export function winNotificationState(shell: () => Promise<WinShellLike>): HoldSource {
  return {
    id: 'windows-notification-state',
    reasons: ['presentation', 'fullscreen'],
    async check() {
      return notificationStateVerdict((await shell()).notificationState());
    },
  };
}

export function winFocusAssist(shell: () => Promise<WinShellLike>): HoldSource {
  return {
    id: 'windows-focus-assist',
    reasons: ['do-not-disturb'],
    async check() {
      return focusAssistVerdict((await shell()).focusAssist());
    },
  };
}

/** WNF_SHEL_QUIETHOURS_ACTIVE_PROFILE_CHANGED, as two 32-bit halves. */
const WNF_QUIET_HOURS = [0xa3bf1c75, 0x0d83063e] as const;

export async function loadWinShell(): Promise<WinShellLike> {
  const koffi = (await import('koffi')).default;
  const shell32 = koffi.load('shell32.dll');
  const ntdll = koffi.load('ntdll.dll');
  const query = shell32.func('int32 __stdcall SHQueryUserNotificationState(_Out_ int32 *state)');
  const wnf = ntdll.func('int32 __stdcall NtQueryWnfStateData(uint32 *name, void *type, void *scope, _Out_ uint32 *stamp, _Out_ uint32 *buf, _Inout_ uint32 *size)');
  return {
    notificationState() {
      const out = [0];
      return (query(out) as number) === 0 ? (out[0] ?? null) : null;
    },
    focusAssist() {
      const buf = [0];
      const size = [4];
      return (wnf([...WNF_QUIET_HOURS], null, null, [0], buf, size) as number) === 0 ? (buf[0] ?? null) : null;
    },
  };
}

export interface ConsentUse {
  key: string;
  start: bigint;
  stop: bigint;
}

/** `reg query …\ConsentStore\microphone /s`: blocks of a key line followed by its indented values. */
export function parseConsentStore(stdout: string): ConsentUse[] {
  const uses: ConsentUse[] = [];
  let key = '';
  let start: bigint | null = null;
  let stop: bigint | null = null;
  const flush = () => {
    if (key && start !== null && stop !== null) uses.push({ key, start, stop });
    start = stop = null;
  };
  for (const raw of stdout.split(/\r?\n/)) {
    if (/^HKEY_/.test(raw)) {
      flush();
      key = raw.trim();
      continue;
    }
    const m = /^\s+(LastUsedTimeStart|LastUsedTimeStop)\s+REG_QWORD\s+(0x[0-9a-f]+)/i.exec(raw);
    if (!m) continue;
    if (m[1] === 'LastUsedTimeStart') start = BigInt(m[2]!);
    else stop = BigInt(m[2]!);
  }
  flush();
  return uses;
}

export function consentVerdict(stdout: string, device: 'microphone' | 'webcam'): HoldVerdict {
  const inUse = parseConsentStore(stdout).find((u) => u.start > 0n && u.stop === 0n);
  if (!inUse) return { state: 'free' };
  const app = inUse.key.split('\\').at(-1)!.replace(/#/g, '\\');
  return { state: 'held', reason: 'call', detail: `${app.split('\\').at(-1)} is using the ${device === 'webcam' ? 'camera' : 'microphone'}` };
}

const CONSENT = 'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore';

export function winConsent(device: 'microphone' | 'webcam', exec: Exec = execTool): HoldSource {
  return {
    id: `windows-${device === 'webcam' ? 'camera' : 'microphone'}`,
    reasons: ['call'],
    async check() {
      const r = await exec('reg', ['query', `${CONSENT}\\${device}`, '/s']);
      return r.ok ? consentVerdict(r.stdout, device) : { state: 'unknown', why: r.why };
    },
  };
}
