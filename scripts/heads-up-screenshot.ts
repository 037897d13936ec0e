// `npm run -s screenshot:heads-up -- FILE.png`: the Linux heads-up as a desktop draws it, buttons and all. Run inside
// scripts/heads-up-desktop.sh, which starts Xvfb, a session bus and GNOME's notification-daemon (a real server that
// draws action buttons). The app reaches the heads-up on its virtual clock and sends it through the same
// freedesktop notifier main.ts uses; the picture is the X screen around the bubble.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startTestApp } from '../e2e/harness/test-app.ts';
import { ICON } from '../e2e/harness/harness.ts';
import { createFreedesktopNotifier } from '../electron/node/notifier-freedesktop.ts';
import { createDbus } from '../electron/node/presence/dbus.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run -s screenshot:heads-up -- FILE.png');
  process.exit(2);
}
const bus = createDbus(() => {}, {}, 5_000);
const notifier = createFreedesktopNotifier({
  bus,
  appName: 'Limber',
  icon: ICON,
  desktopEntry: 'app.limber.Limber',
  fallback: { notify: () => console.error('heads-up-screenshot: the server shows no buttons'), withdraw: () => {} },
  log: (m) => console.error(m),
});
const route = await notifier.route();
if (route.kind !== 'dbus') {
  console.error(`heads-up-screenshot: ${route.why}`);
  process.exit(1);
}
const { clock } = startTestApp({ notifier });
clock.advanceBy(29 * 60_000);
await notifier.idle();
// The daemon fades the bubble in.
await new Promise((r) => setTimeout(r, 1500));
const geometry = process.env.LIMBER_SHOT_CROP ?? '410x140+868+0';
execFileSync('import', ['-window', 'root', '-crop', geometry, '+repage', resolve(file)]);
console.log(`${resolve(file)} (${route.server.name} ${route.server.version})`);
bus.close();
process.exit(0);
