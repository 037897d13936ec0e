#!/usr/bin/env bash
# Runs a command inside a desktop the tests can use: an X display (Xvfb when none is present), a D-Bus session
# (started when none is present) and the dunst notification daemon, whose -print log the tests read. dunst's context
# menu (`dunstctl context`) runs e2e/desktop/dunst-menu.sh in place of dmenu: it picks the entry named in the file
# $LIMBER_DUNST_CHOICE, as a user picks a button, and keeps the menu it was offered in $LIMBER_DUNST_MENU.
# Everything started here is stopped when the command ends.
set -euo pipefail

# A private mount namespace whose /etc/limber/policies is the tests' own (policy e2e specs write real policy files
# there; the machine's /etc is untouched). Where it cannot be made (not root, no overlayfs) those specs say so.
if [ -z "${LIMBER_POLICY_NAMESPACE:-}" ] && [ "$(id -u)" = 0 ] && bash "$(dirname "$0")/policy-namespace.sh" - true 2>/dev/null; then
  exec env LIMBER_POLICY_NAMESPACE=1 bash "$(dirname "$0")/policy-namespace.sh" - "$0" "$@"
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${LIMBER_IN_XVFB:-}" ]; then
  exec env LIMBER_IN_XVFB=1 xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -z "${LIMBER_IN_DBUS:-}" ]; then
  exec env LIMBER_IN_DBUS=1 dbus-run-session -- "$0" "$@"
fi

log_dir=$(mktemp -d "${TMPDIR:-/tmp}/limber-desktop.XXXXXX")
export LIMBER_DUNST_LOG="$log_dir/dunst.log"
export LIMBER_DUNST_CHOICE="$log_dir/dunst-choice"
export LIMBER_DUNST_MENU="$log_dir/dunst-menu"
here=$(cd "$(dirname "$0")" && pwd)
dunst_pid=""
if command -v dunst >/dev/null 2>&1; then
  # A private config keeps the user's own dunstrc out of the tests.
  printf '[global]\n    font = Monospace 8\n    dmenu = %s\n' "$here/../e2e/desktop/dunst-menu.sh" > "$log_dir/dunstrc"
  dunst -config "$log_dir/dunstrc" -print > "$LIMBER_DUNST_LOG" 2> "$log_dir/dunst.err" &
  dunst_pid=$!
  # Wait until dunst owns the notification name on the bus.
  for _ in $(seq 1 50); do
    if dbus-send --session --dest=org.freedesktop.DBus --type=method_call --print-reply /org/freedesktop/DBus \
      org.freedesktop.DBus.NameHasOwner string:org.freedesktop.Notifications 2>/dev/null | grep -q 'boolean true'; then
      break
    fi
    sleep 0.1
  done
else
  echo "with-desktop: dunst is not installed; notification tests will report it" >&2
fi

cleanup() {
  [ -n "$dunst_pid" ] && kill "$dunst_pid" 2>/dev/null || true
  rm -rf "$log_dir"
}
trap cleanup EXIT

"$@"
