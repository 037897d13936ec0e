import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { displaySleepVerdict, focusFromAssertions, macDisplaySleep, macFocus, macMic, micVerdictMac, parseAssertions } from './macos.ts';
import { failed, fixture, ok, scriptedExec } from './test-helpers.ts';
import { QUNS, consentVerdict, focusAssistVerdict, notificationStateVerdict, parseConsentStore, winConsent, winNotificationState } from './windows.ts';

describe('macOS', () => {
  it('pmset: a meeting app keeping the display awake is a presentation; audio playback (coreaudiod) is not', () => {
    expect(parseAssertions(fixture('pmset-assertions-meeting.txt')).map((a) => a.process)).toEqual(['coreaudiod', 'zoom.us', 'WindowServer', 'powerd']);
    expect(displaySleepVerdict(fixture('pmset-assertions-meeting.txt'), [])).toEqual({ state: 'held', reason: 'presentation', detail: 'zoom.us keeps the display awake' });
    expect(displaySleepVerdict(fixture('pmset-assertions-music.txt'), [])).toEqual({ state: 'free' });
    expect(displaySleepVerdict(fixture('pmset-assertions-meeting.txt'), [1234])).toEqual({ state: 'free' });
    expect(displaySleepVerdict('pmset: command not found', []).state).toBe('unknown');
  });

  it('pmset through its adapter; a failing pmset is unknown', async () => {
    expect((await macDisplaySleep([], scriptedExec({ 'pmset -g assertions': ok(fixture('pmset-assertions-meeting.txt')) })).check()).state).toBe('held');
    expect((await macDisplaySleep([], scriptedExec({})).check()).state).toBe('unknown');
  });

  it('Focus from Assertions.json when readable, else the Control Center key', async () => {
    expect(focusFromAssertions(fixture('macos-dnd-assertions-on.json'))).toBe(true);
    expect(focusFromAssertions(fixture('macos-dnd-assertions-off.json'))).toBe(false);
    expect(focusFromAssertions('not json')).toBeNull();
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-mac-'));
    const db = path.join(home, 'Library/DoNotDisturb/DB');
    // Unreadable (no file): the menu-bar key decides, by version.
    const key14 = 'defaults read com.apple.controlcenter NSStatusItem Visible FocusModes';
    const key26 = 'defaults read com.apple.controlcenter NSStatusItem VisibleCC FocusModes';
    expect((await macFocus(scriptedExec({ [key14]: ok('1\n') }), home, 14).check()).state).toBe('held');
    expect((await macFocus(scriptedExec({ [key26]: ok('0\n') }), home, 26).check()).state).toBe('free');
    expect((await macFocus(scriptedExec({ [key14]: failed(fixture('macos-defaults-missing.txt')) }), home, 14).check()).state).toBe('free');
    expect((await macFocus(scriptedExec({}), home, 14).check()).state).toBe('unknown');
    fs.mkdirSync(db, { recursive: true });
    fs.writeFileSync(path.join(db, 'Assertions.json'), fixture('macos-dnd-assertions-on.json'));
    const exec = scriptedExec({ [key14]: ok('0\n') });
    expect(await macFocus(exec, home, 14).check()).toEqual({ state: 'held', reason: 'do-not-disturb', detail: 'a Focus is on' });
    expect(exec.calls).toEqual([]);
  });

  it('microphone: running somewhere holds; no answer from CoreAudio is unknown', async () => {
    expect(micVerdictMac(true).state).toBe('held');
    expect(micVerdictMac(false).state).toBe('free');
    expect((await macMic(() => Promise.resolve({ defaultInputRunning: () => null })).check()).state).toBe('unknown');
    await expect(macMic(() => Promise.reject(new Error('no CoreAudio'))).check()).rejects.toThrow('no CoreAudio');
  });
});

describe('Windows', () => {
  it('notification state: presentation mode, busy / Direct3D / app fullscreen hold; away and normal do not', async () => {
    expect(notificationStateVerdict(QUNS.PRESENTATION_MODE)).toMatchObject({ state: 'held', reason: 'presentation' });
    for (const s of [QUNS.BUSY, QUNS.RUNNING_D3D_FULL_SCREEN, QUNS.APP]) expect(notificationStateVerdict(s)).toMatchObject({ state: 'held', reason: 'fullscreen' });
    for (const s of [QUNS.NOT_PRESENT, QUNS.ACCEPTS_NOTIFICATIONS, QUNS.QUIET_TIME]) expect(notificationStateVerdict(s)).toEqual({ state: 'free' });
    expect(notificationStateVerdict(null).state).toBe('unknown');
    const shell = () => Promise.resolve({ notificationState: () => QUNS.BUSY, focusAssist: () => 0 });
    expect((await winNotificationState(shell).check()).state).toBe('held');
  });

  it('Focus Assist: priority only and alarms only hold', () => {
    expect(focusAssistVerdict(0)).toEqual({ state: 'free' });
    expect(focusAssistVerdict(1)).toMatchObject({ state: 'held', reason: 'do-not-disturb' });
    expect(focusAssistVerdict(2)).toMatchObject({ state: 'held', reason: 'do-not-disturb' });
    expect(focusAssistVerdict(null).state).toBe('unknown');
  });

  it('ConsentStore: an app that started and has not stopped using the microphone is a call', async () => {
    const uses = parseConsentStore(fixture('reg-consent-microphone-call.txt'));
    expect(uses).toHaveLength(3);
    expect(consentVerdict(fixture('reg-consent-microphone-call.txt'), 'microphone')).toEqual({ state: 'held', reason: 'call', detail: 'Zoom.exe is using the microphone' });
    expect(consentVerdict(fixture('reg-consent-microphone-idle.txt'), 'microphone')).toEqual({ state: 'free' });
    const q = 'reg query HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\webcam /s';
    expect((await winConsent('webcam', scriptedExec({ [q]: ok(fixture('reg-consent-microphone-call.txt')) })).check()).state).toBe('held');
    expect((await winConsent('webcam', scriptedExec({})).check()).state).toBe('unknown');
  });
});
