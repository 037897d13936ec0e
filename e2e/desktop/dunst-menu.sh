#!/bin/sh
# dunst's context menu without a person at it: dunst writes one line per action ("#Snooze (Limber) [3,1]") and runs
# the chosen line's action. Picks the first line containing the text in $LIMBER_DUNST_CHOICE (nothing when it is
# empty, as pressing Escape); keeps what was offered in $LIMBER_DUNST_MENU.
menu=$(cat)
printf '%s\n' "$menu" > "${LIMBER_DUNST_MENU:-/dev/null}"
choice=$(cat "${LIMBER_DUNST_CHOICE:-/dev/null}" 2>/dev/null)
[ -n "$choice" ] || exit 1
printf '%s\n' "$menu" | grep -F -- "$choice" | head -n 1
