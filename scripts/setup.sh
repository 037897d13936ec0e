#!/usr/bin/env bash
# Everything Limber's commands need on a fresh Debian/Ubuntu machine: the system packages the tests and the preview
# use, then the npm dependencies. Quick when nothing is missing. With --quiet it says nothing unless it acts.
set -euo pipefail
cd "$(dirname "$0")/.."
quiet=false
[ "${1:-}" = "--quiet" ] && quiet=true
say() { $quiet || echo "setup: $*"; }

# command -> Debian package
declare -A NEED=(
  [chromium]=chromium
  [xvfb-run]=xvfb
  [dbus-run-session]=dbus
  [dbus-send]=dbus
  [dbus-launch]=dbus-x11
  [dunst]=dunst
  [notify-send]=libnotify-bin
  [xdotool]=xdotool
  # Idle time on X11 for the preview, from the same kind of source the app asks.
  [xprintidle]=xprintidle
  # Presence and hold sources, tested against the real tools (e2e/holds.spec.ts)
  [openbox]=openbox
  [wmctrl]=wmctrl
  [xprop]=x11-utils
  [xmessage]=x11-utils
  [gsettings]=libglib2.0-bin
  [pulseaudio]=pulseaudio
  [pactl]=pulseaudio-utils
  [parec]=pulseaudio-utils
  [dbus-daemon]=dbus
  # The camera (inotify on the device), screen sharing (a private PipeWire daemon, pw-dump, a pw-play stream) and
  # XFCE's do-not-disturb (xfconfd and xfconf-query).
  [inotifywait]=inotify-tools
  [pipewire]=pipewire-bin
  [pw-dump]=pipewire-bin
  [pw-play]=pipewire-bin
  [xfconf-query]=xfconf
)
missing=()
for cmd in "${!NEED[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${NEED[$cmd]}")
done
# ImageMagick's convert (only the real one can write .ico files).
[ -x /usr/bin/convert ] || missing+=(imagemagick)
# GNOME's notification settings schema, and Debian's python3 with D-Bus and GLib for the stand-in desktop services.
[ -f /usr/share/glib-2.0/schemas/org.gnome.desktop.notifications.gschema.xml ] || missing+=(gsettings-desktop-schemas)
# Cinnamon's and MATE's do-not-disturb keys: their schemas alone, from two small data packages (no desktop).
[ -f /usr/share/glib-2.0/schemas/org.cinnamon.desktop.notifications.gschema.xml ] || missing+=(cinnamon-desktop-data)
[ -f /usr/share/glib-2.0/schemas/org.mate.NotificationDaemon.gschema.xml ] || missing+=(mate-notification-daemon-common)
[ -d /usr/lib/python3/dist-packages/dbus ] || missing+=(python3-dbus)
[ -d /usr/lib/python3/dist-packages/gi ] || missing+=(python3-gi)
# Two more notification servers, run by path (D-Bus activates them, so they are not on PATH): notify-osd shows no
# buttons (the fallback test, e2e/linux-heads-up.spec.ts), notification-daemon draws them (the heads-up screenshot).
# Both are GTK programs that end at once without a display, so what is checked is that they load: every library found.
loads() { [ -x "$1" ] && ! ldd "$1" 2>/dev/null | grep -q 'not found'; }
osd=$(ls /usr/lib/*/notify-osd 2>/dev/null | head -n 1)
loads "${osd:-/nonexistent}" || missing+=(notify-osd)
loads /usr/lib/notification-daemon/notification-daemon || missing+=(notification-daemon)
# A plain font, so pages and screenshots have readable text on a bare machine.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# Japanese, Korean and Chinese glyphs, for the screenshots and layout tests in those languages.
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" xauth >/dev/null
  elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "setup: installing ${missing[*]}"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" xauth >/dev/null
  else
    echo "setup: missing system packages: ${missing[*]}" >&2
    echo "setup: install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

# npm dependencies: installed when absent or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies"
  # Electron's package no longer downloads its binary on install: `npm start` does that on the first start.
  npm ci --no-audit --no-fund
fi
say "ready"
