#!/usr/bin/env bash
# A desktop for scripts/heads-up-screenshot.ts: Xvfb, a private session bus and GNOME's notification-daemon, which
# draws a notification's actions as buttons (dunst, the tests' server, lists them only in its context menu).
set -euo pipefail
if [ -z "${LIMBER_IN_XVFB:-}" ]; then
  exec env LIMBER_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$@"
fi
daemon=/usr/lib/notification-daemon/notification-daemon
[ -x "$daemon" ] || { echo "heads-up-desktop: notification-daemon is not installed (scripts/setup.sh)" >&2; exit 1; }
"$daemon" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  if dbus-send --session --dest=org.freedesktop.DBus --type=method_call --print-reply /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q 'boolean true'; then
    break
  fi
  sleep 0.1
done
"$@"
