#!/usr/bin/env bash
# Everything Limber's commands need on a fresh Debian/Ubuntu machine: the system packages the tests and the preview
# use, a Node.js of the version the project pins, then the npm dependencies. Quick when nothing is missing.
#   --quiet  says nothing unless it acts
#   --check  only checks the system tools: exits 1 naming each one that does not run (installs nothing)
set -euo pipefail
cd "$(dirname "$0")/.."
quiet=false
check_only=false
for arg in "$@"; do
  case "$arg" in
    --quiet) quiet=true ;;
    --check) check_only=true ;;
    *) echo "setup: unknown option $arg (use --quiet or --check)" >&2; exit 2 ;;
  esac
done
say() { $quiet || echo "setup: $*"; }

# Each tool is checked by running it — a file that exists may still not start (a library Debian only recommends,
# and setup installs without recommends). One line per check: the Debian packages it needs | a command that must
# exit 0 within 20 s. Libraries a package only recommends are named next to it.
TOOLS='
chromium                          | chromium --version
xvfb                              | Xvfb -help
xauth                             | xauth -V
xvfb                              | xvfb-run --help
dbus                              | dbus-daemon --version
dbus                              | dbus-run-session --version
dbus                              | dbus-run-session -- dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.GetId
dbus-x11                          | dbus-launch --version
dunst                             | dunst -version
libnotify-bin                     | notify-send --version
xdotool                           | xdotool --version
# Idle time on X11 for the preview, from the same kind of source the app asks.
xprintidle                        | xprintidle --version
# ImageMagick writes the .ico icon.
imagemagick                       | convert -version
fontconfig                        | fc-list --version
# A plain font, so pages and screenshots have readable text on a bare machine; CJK glyphs for those languages.
fonts-dejavu-core                 | fc-list | grep -q DejaVuSans
fonts-noto-cjk                    | fc-list | grep -qi "Noto Sans CJK"
# Presence and hold sources, tested against the real tools (e2e/holds.spec.ts). xprop and xmessage open a display
# first: started, they say there is none (a tool that cannot load its libraries never gets that far).
openbox                           | openbox --version
wmctrl                            | wmctrl --version
x11-utils                         | xprop -display :none -version 2>&1 | grep -q "unable to open display"
x11-utils                         | xmessage -display :none ok 2>&1 | grep -q "open display"
libglib2.0-bin                    | gsettings --version
gsettings-desktop-schemas         | gsettings list-keys org.gnome.desktop.notifications
# Cinnamon and MATE do-not-disturb keys: their schemas alone, from two small data packages (no desktop).
cinnamon-desktop-data             | gsettings list-keys org.cinnamon.desktop.notifications
mate-notification-daemon-common   | gsettings list-keys org.mate.NotificationDaemon
pulseaudio                        | pulseaudio --version
pulseaudio-utils                  | pactl --version
pulseaudio-utils                  | parec --version
# The camera (inotify on the device) and screen sharing (a private PipeWire daemon, pw-dump, a pw-play stream).
inotify-tools                     | inotifywait --help 2>&1 | grep -q "^inotifywait [0-9]"
pipewire-bin                      | pipewire --version
pipewire-bin                      | pw-dump --version
pipewire-bin                      | pw-play --version
# XFCE do-not-disturb: xfconf only recommends the library xfconf-query is linked with.
xfconf libxfconf-0-3              | xfconf-query --version
# GNOME idle time on the real compositor, headless (e2e/presence-mutter.spec.ts).
mutter                            | mutter --version
# Two more notification servers for the Linux heads-up (e2e/linux-heads-up.spec.ts), run by path (D-Bus activates
# them): notify-osd shows no buttons (the fallback), notification-daemon draws them. Started without a display they
# say so, which a program missing a library never gets to.
notify-osd                        | env -u DISPLAY -u WAYLAND_DISPLAY "$(ls /usr/lib/*/notify-osd | head -n 1)" 2>&1 | grep -q "cannot open display"
notification-daemon               | env -u DISPLAY -u WAYLAND_DISPLAY /usr/lib/notification-daemon/notification-daemon 2>&1 | grep -q "cannot open display"
# Several computers: two Syncthing instances on 127.0.0.1 share a folder (e2e/several-computers.spec.ts).
syncthing                         | syncthing --version
# Debian python3 with D-Bus and GLib, for the stand-in desktop services (e2e/desktop/fake-desktop.py).
python3-dbus                      | /usr/bin/python3 -c "import dbus"
python3-gi                        | /usr/bin/python3 -c "from gi.repository import GLib"
'
# Setup's own tests check a list of their own.
TOOLS="${LIMBER_SETUP_TOOLS:-$TOOLS}"

runs() { timeout 20 bash -c "$1" </dev/null >/dev/null 2>&1; }
# Why a check failed, in one line: its first line of output (the loader's "error while loading shared libraries…").
why() { timeout 20 bash -c "$1" </dev/null 2>&1 | grep -v '^\s*$' | head -1 | cut -c1-200 || true; }

failing=()
# All at once (one starts a bus; chromium and python take seconds on a loaded machine): the wall time is the
# slowest check's, not their sum.
check_tools() {
  failing=()
  local dir pkgs cmd i
  local -a lines=()
  dir=$(mktemp -d)
  while IFS='|' read -r pkgs cmd; do
    pkgs="${pkgs#"${pkgs%%[![:space:]]*}"}"
    pkgs="${pkgs%"${pkgs##*[![:space:]]}"}"
    [ -z "$pkgs" ] || [ "${pkgs:0:1}" = '#' ] && continue
    cmd="${cmd#"${cmd%%[![:space:]]*}"}"
    i=${#lines[@]}
    lines+=("$pkgs|$cmd")
    (runs "$cmd" || touch "$dir/$i") &
  done <<<"$TOOLS"
  wait
  for i in "${!lines[@]}"; do
    [ -e "$dir/$i" ] && failing+=("${lines[$i]}")
  done
  rm -rf "$dir"
  return 0
}
report() {
  local f
  for f in "${failing[@]}"; do
    echo "setup: does not run: ${f#*|} — $(why "${f#*|}") (Debian package: ${f%%|*})" >&2
  done
}

# A passing check is remembered until the installed packages (dpkg's status), the list or PATH change.
stamp=.cache/setup/tools-ok
key=$(printf '%s\n' "$TOOLS" "$PATH" "$(stat -c %Y /var/lib/dpkg/status 2>/dev/null)" | cksum)
if $check_only || [ "$(cat "$stamp" 2>/dev/null)" != "$key" ]; then
  check_tools
  if $check_only; then
    [ ${#failing[@]} -eq 0 ] && { say "every tool runs"; exit 0; }
    report
    exit 1
  fi
  if [ ${#failing[@]} -gt 0 ]; then
    mapfile -t missing < <(for f in "${failing[@]}"; do tr ' ' '\n' <<<"${f%%|*}"; done | grep -v '^$' | sort -u)
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      sudo=()
    elif command -v sudo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo=(sudo)
    else
      report
      echo "setup: install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
      exit 1
    fi
    echo "setup: installing ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # Installed is not enough: each must now run.
    check_tools
    if [ ${#failing[@]} -gt 0 ]; then
      report
      echo "setup: installed, but the tools above still do not run" >&2
      exit 1
    fi
    key=$(printf '%s\n' "$TOOLS" "$PATH" "$(stat -c %Y /var/lib/dpkg/status 2>/dev/null)" | cksum)
  fi
  mkdir -p "$(dirname "$stamp")" && echo "$key" >"$stamp"
fi

# Node.js: the version the lock file pins for the `node` devDependency, which every `npm run` script then uses. The
# first install needs it too (dependencies need a newer Node than older systems have): where the system's is older,
# the same build comes from the npm registry into .cache/node and runs `npm ci`.
node_major() { "${1:-node}" --version 2>/dev/null | sed -n 's/^v\([0-9]*\)\..*/\1/p'; }
want=$(sed -n '/"node_modules\/node": {/,/}/s/.*"version": "\([0-9.]*\)".*/\1/p' package-lock.json | head -1)
if [ -z "$want" ]; then
  echo "setup: package-lock.json pins no version of the node package" >&2
  exit 1
fi
fetch_node() {
  local dir=".cache/node/v$want" arch pkg tmp
  if [ "$(node_major "$dir/bin/node")" != "${want%%.*}" ]; then
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      armv7l) arch=armv7l ;;
      ppc64le) arch=ppc64le ;;
      s390x) arch=s390x ;;
      *) echo "setup: no Node.js build on the npm registry for $(uname -m)" >&2; exit 1 ;;
    esac
    pkg="node-linux-$arch@$want"
    say "fetching Node.js $want ($pkg) from the npm registry"
    tmp=$(mktemp -d)
    (cd "$tmp" && npm pack --silent "$pkg" >/dev/null)
    rm -rf "$dir" && mkdir -p "$dir"
    tar -xzf "$tmp"/*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  PATH="$PWD/$dir/bin:$PATH"
  export PATH
}

# npm dependencies: installed when absent or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  [ "$(node_major)" = "${want%%.*}" ] || fetch_node
  say "installing npm dependencies (Node.js $(node --version))"
  # Electron's package no longer downloads its binary on install: `npm start` does that on the first start.
  npm ci --no-audit --no-fund
fi
# What npm scripts run on: the pinned build in node_modules/.bin.
used=$(node_modules/.bin/node --version 2>/dev/null || true)
if [ "${used#v}" != "$want" ]; then
  echo "setup: node_modules/.bin/node is ${used:-missing}, not v$want: run npm ci" >&2
  exit 1
fi
say "node $used"
say "ready"
