#!/usr/bin/env bash
# Runs a command in a private mount namespace where /etc/limber/policies is the folder DIR: how tests reach the Linux
# policy files at their fixed place without touching the machine's /etc (the app itself has no way to move it).
# Needs root (or user namespaces) and overlayfs; exits 3 saying so where they are missing.
# Usage: policy-namespace.sh DIR COMMAND [ARG...]   (DIR `-`: an empty policy folder of the namespace's own)
set -euo pipefail
if [ "$#" -lt 2 ]; then
  echo "usage: policy-namespace.sh DIR COMMAND [ARG...]" >&2
  exit 2
fi
dir=$1
[ "$dir" = - ] || dir=$(cd "$dir" && pwd)
shift
if [ -z "${LIMBER_IN_POLICY_NS:-}" ]; then
  if ! command -v unshare >/dev/null 2>&1; then
    echo "policy-namespace: unshare is not installed" >&2
    exit 3
  fi
  exec env LIMBER_IN_POLICY_NS=1 unshare -m --propagation private "$0" "$dir" "$@" || exit 3
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/limber-etc.XXXXXX")
mkdir -p "$work/upper" "$work/work"
# An overlay over /etc, so /etc/limber can be made in this namespace only; then DIR is bound over the policy folder.
if ! mount -t overlay overlay -o "lowerdir=/etc,upperdir=$work/upper,workdir=$work/work" /etc 2>"$work/err"; then
  echo "policy-namespace: cannot mount an overlay on /etc ($(cat "$work/err"))" >&2
  exit 3
fi
mkdir -p /etc/limber/policies
if [ "$dir" = - ]; then
  mkdir -p /etc/limber/policies/managed /etc/limber/policies/recommended
else
  mount --bind "$dir" /etc/limber/policies
fi
unset LIMBER_IN_POLICY_NS
rc=0
"$@" || rc=$?
[ "$dir" = - ] || umount /etc/limber/policies 2>/dev/null || true
umount /etc 2>/dev/null || true
rm -rf "$work"
exit "$rc"
