import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cameraHolders, linuxCamera } from './camera-linux.ts';
import { GSETTINGS_DND, gsettingsDnd, kdeDnd, xfceDnd } from './dnd-linux.ts';
import { x11Fullscreen } from './fullscreen-x11.ts';
import { gnomeIdleInhibit } from './gnome-inhibit.ts';
import { micVerdict, pulseMic } from './mic-pulse.ts';
import { pipewireScreenShare, screenShareVerdict } from './screen-share-pipewire.ts';
import { FakeBus, failed, fixture, manualTimers, ok, scriptedExec, scriptedSpawn } from './test-helpers.ts';

const gnome = GSETTINGS_DND.find((k) => k.id === 'gnome-dnd')!;
const mate = GSETTINGS_DND.find((k) => k.id === 'mate-dnd')!;

describe('do-not-disturb', () => {
  it('GNOME holds when banners are off, and follows the key with gsettings monitor', async () => {
    const exec = scriptedExec({ 'gsettings get org.gnome.desktop.notifications show-banners': ok('false\n') });
    const spawn = scriptedSpawn();
    const src = gsettingsDnd(gnome, exec, spawn);
    expect(await src.check()).toEqual({ state: 'held', reason: 'do-not-disturb', detail: 'GNOME do-not-disturb' });
    let changes = 0;
    const stop = src.watch!(() => changes++);
    spawn.running.get('gsettings monitor org.gnome.desktop.notifications show-banners')!('show-banners: true');
    expect(changes).toBe(1);
    stop();
    expect(spawn.running.size).toBe(0);
  });

  it('GNOME with banners on is free; MATE reads its own key the other way round', async () => {
    expect(await gsettingsDnd(gnome, scriptedExec({ 'gsettings get org.gnome.desktop.notifications show-banners': ok('true\n') })).check()).toEqual({ state: 'free' });
    expect((await gsettingsDnd(mate, scriptedExec({ 'gsettings get org.mate.NotificationDaemon do-not-disturb': ok('true\n') })).check()).state).toBe('held');
  });

  it('a missing schema or tool is unknown, never held', async () => {
    const noSchema = scriptedExec({ 'gsettings get org.mate.NotificationDaemon do-not-disturb': failed('No such schema “org.mate.NotificationDaemon”') });
    expect((await gsettingsDnd(mate, noSchema).check()).state).toBe('unknown');
    expect((await gsettingsDnd(gnome, scriptedExec({})).check()).state).toBe('unknown');
  });

  it('XFCE: true holds; a property never set is off', async () => {
    const q = 'xfconf-query -c xfce4-notifyd -p /do-not-disturb';
    expect((await xfceDnd(scriptedExec({ [q]: ok('true\n') })).check()).state).toBe('held');
    expect((await xfceDnd(scriptedExec({ [q]: failed('Property "/do-not-disturb" does not exist on channel "xfce4-notifyd".') })).check()).state).toBe('free');
    expect((await xfceDnd(scriptedExec({})).check()).state).toBe('unknown');
  });

  it('KDE: Inhibited holds; PropertiesChanged of the Notifications interface means ask again', async () => {
    const bus = new FakeBus();
    bus.props.set('org.freedesktop.Notifications org.freedesktop.Notifications.Inhibited', true);
    const src = kdeDnd(bus);
    expect((await src.check()).state).toBe('held');
    bus.props.set('org.freedesktop.Notifications org.freedesktop.Notifications.Inhibited', false);
    expect((await src.check()).state).toBe('free');
    let changes = 0;
    const stop = src.watch!(() => changes++);
    bus.emit('org.freedesktop.DBus.Properties.PropertiesChanged', ['org.freedesktop.Notifications', {}, []]);
    bus.emit('org.freedesktop.DBus.Properties.PropertiesChanged', ['org.other', {}, []]);
    expect(changes).toBe(1);
    stop();
    expect(bus.listeners('org.freedesktop.DBus.Properties.PropertiesChanged')).toBe(0);
  });

  it('no notification service on the bus is unknown', async () => {
    await expect(kdeDnd(new FakeBus()).check()).rejects.toThrow(/not owned/);
  });
});

describe('X11 fullscreen (recorded xprop output, openbox)', () => {
  const env = { DISPLAY: ':5' };
  const base = { 'xprop -root _NET_ACTIVE_WINDOW': ok(fixture('xprop-active.txt')) };
  it('the active window in fullscreen holds; a normal one does not', async () => {
    const full = scriptedExec({ ...base, 'xprop -id 0x400030 _NET_WM_STATE': ok(fixture('xprop-state-fullscreen.txt')) });
    expect(await x11Fullscreen(env, full).check()).toEqual({ state: 'held', reason: 'fullscreen', detail: 'window 0x400030 is fullscreen' });
    const normal = scriptedExec({ ...base, 'xprop -id 0x400030 _NET_WM_STATE': ok(fixture('xprop-state-normal.txt')) });
    expect((await x11Fullscreen(env, normal).check()).state).toBe('free');
  });
  it('no focused window (openbox leaves the property unset) is free', async () => {
    expect((await x11Fullscreen(env, scriptedExec({ 'xprop -root _NET_ACTIVE_WINDOW': ok(fixture('xprop-active-none.txt')) })).check()).state).toBe('free');
  });
  it('no window manager, or no display, is unknown', async () => {
    expect((await x11Fullscreen(env, scriptedExec({ 'xprop -root _NET_ACTIVE_WINDOW': ok(fixture('xprop-active-no-wm.txt')) })).check()).state).toBe('unknown');
    expect((await x11Fullscreen({}, scriptedExec(base)).check()).state).toBe('unknown');
  });
  it('follows focus changes and the state of whichever window is active', () => {
    const spawn = scriptedSpawn();
    let changes = 0;
    const stop = x11Fullscreen(env, scriptedExec({}), spawn).watch!(() => changes++);
    const root = spawn.running.get('xprop -root -spy _NET_ACTIVE_WINDOW')!;
    const [first, , second] = fixture('xprop-spy-active.txt').trim().split('\n');
    root(first!);
    expect([...spawn.running.keys()]).toContain('xprop -id 0x400030 -spy _NET_WM_STATE');
    spawn.running.get('xprop -id 0x400030 -spy _NET_WM_STATE')!('_NET_WM_STATE(ATOM) = _NET_WM_STATE_FULLSCREEN');
    root(second!);
    expect([...spawn.running.keys()]).toEqual(['xprop -root -spy _NET_ACTIVE_WINDOW', 'xprop -id 0x800030 -spy _NET_WM_STATE']);
    expect(changes).toBe(3);
    stop();
    expect(spawn.running.size).toBe(0);
  });
});

describe('GNOME idle inhibit', () => {
  it('bit 8 of InhibitedActions is a presentation; other bits are not', async () => {
    const bus = new FakeBus();
    bus.props.set('org.gnome.SessionManager org.gnome.SessionManager.InhibitedActions', 4 | 8);
    expect(await gnomeIdleInhibit(bus).check()).toMatchObject({ state: 'held', reason: 'presentation' });
    bus.props.set('org.gnome.SessionManager org.gnome.SessionManager.InhibitedActions', 4);
    expect((await gnomeIdleInhibit(bus).check()).state).toBe('free');
  });
});

describe('microphone (recorded pactl -f json, PulseAudio 16.1)', () => {
  const sources = fixture('pactl-sources.json');
  it('a capture stream from the null source is a call', () => {
    expect(micVerdict(sources, fixture('pactl-source-outputs-call.json'), [])).toEqual({ state: 'held', reason: 'call', detail: 'parec is using the microphone' });
  });
  it('a recording of a monitor source, no stream, or our own process is not', () => {
    expect(micVerdict(sources, fixture('pactl-source-outputs-monitor-only.json'), [])).toEqual({ state: 'free' });
    expect(micVerdict(sources, fixture('pactl-source-outputs-none.json'), [])).toEqual({ state: 'free' });
    const ownPid = Number((JSON.parse(fixture('pactl-source-outputs-call.json')) as { properties: Record<string, string> }[])[0]!.properties['application.process.id']);
    expect(micVerdict(sources, fixture('pactl-source-outputs-call.json'), [ownPid])).toEqual({ state: 'free' });
  });
  it('an old pactl without JSON is unknown', () => {
    expect(micVerdict('Source #0\n', '[]', []).state).toBe('unknown');
  });
  it('follows source-output events of pactl subscribe only', async () => {
    const spawn = scriptedSpawn();
    let changes = 0;
    const stop = pulseMic([], scriptedExec({}), spawn).watch!(() => changes++);
    for (const line of fixture('pactl-subscribe.txt').trim().split('\n')) spawn.running.get('pactl subscribe')!(line);
    // Three source-output events in the recording (remove, new, remove); the client and source events are not calls.
    expect(changes).toBe(3);
    stop();
    expect(await pulseMic([], scriptedExec({})).check()).toMatchObject({ state: 'unknown' });
  });
});

describe('camera (a stand-in device file held open by a real process)', () => {
  const children: { kill: () => void }[] = [];
  afterEach(() => children.splice(0).forEach((c) => c.kill()));

  it('another process holding the device is a call; our own descriptors are not', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'limber-cam-'));
    const dev = path.join(dir, 'video0');
    fs.writeFileSync(dev, '');
    const src = linuxCamera({ devices: () => [dev], ownPids: [process.pid] });
    expect(await src.check()).toEqual({ state: 'free' });
    const ownFd = fs.openSync(dev, 'r');
    expect(await src.check()).toEqual({ state: 'free' });
    const child = spawn(process.execPath, ['-e', `require('fs').openSync(${JSON.stringify(dev)}, 'r'); console.log('open'); setInterval(() => {}, 1000)`], { stdio: ['ignore', 'pipe', 'ignore'] });
    children.push(child);
    await new Promise((r) => child.stdout.once('data', r));
    expect(cameraHolders([dev], '/proc', [process.pid])).toEqual([{ pid: child.pid, device: dev }]);
    expect(await src.check()).toMatchObject({ state: 'held', reason: 'call' });
    fs.closeSync(ownFd);
  });

  it('no device is unknown; open/close events are debounced into one "ask again"', async () => {
    expect((await linuxCamera({ devices: () => [], ownPids: [] }).check()).state).toBe('unknown');
    const spawn = scriptedSpawn();
    const timers = manualTimers();
    let changes = 0;
    const stop = linuxCamera({ devices: () => ['/dev/video0'], ownPids: [], spawn, after: timers.after }).watch!(() => changes++);
    const line = spawn.running.get('inotifywait -m -q -e open,close /dev/video0')!;
    line('/dev/video0 OPEN');
    line('/dev/video0 CLOSE_NOWRITE,CLOSE');
    line('/dev/video0 OPEN');
    expect(changes).toBe(0);
    expect(timers.pending.size).toBe(1);
    timers.fireAll();
    expect(changes).toBe(1);
    stop();
    expect(spawn.running.size).toBe(0);
  });
});

describe('screen sharing (recorded pw-dump, PipeWire 0.3.65; a real daemon in e2e/holds.spec.ts)', () => {
  it('a screen-cast video source is screen sharing; none is free', async () => {
    expect(screenShareVerdict(fixture('pw-dump-share.json'))).toEqual({ state: 'held', reason: 'screen-sharing', detail: 'screen shared (meta-screen-cast-src)' });
    expect(screenShareVerdict(fixture('pw-dump-idle.json'))).toEqual({ state: 'free' });
    expect((await pipewireScreenShare(scriptedExec({})).check()).state).toBe('unknown');
  });
  it('a portal stream that sets its class to Video/Source (wlroots) is screen sharing, found by its stream name', () => {
    const xdpw = [{ type: 'PipeWire:Interface:Node', info: { props: { 'media.class': 'Video/Source', 'media.name': 'xdpw-stream', 'node.name': 'xdg-desktop-portal-wlr', 'device.id': 1 } } }];
    expect(screenShareVerdict(JSON.stringify(xdpw))).toEqual({ state: 'held', reason: 'screen-sharing', detail: 'screen shared (xdpw-stream)' });
  });
  it('a camera node (a device) is not screen sharing', () => {
    const camera = [{ type: 'PipeWire:Interface:Node', info: { props: { 'media.class': 'Video/Source', 'node.name': 'v4l2_input.pci-0000_00_14.0-usb-0_1_1.0', 'device.id': 42 } } }];
    expect(screenShareVerdict(JSON.stringify(camera))).toEqual({ state: 'free' });
  });
});
