// Small helpers of the welcome window.
/** "CommandOrControl+Alt+B" as the user's keyboard labels it. */
export function shortcutLabel(accelerator: string, mac: boolean): string {
  return accelerator
    .split('+')
    .map((k) => {
      if (/^(CommandOrControl|CmdOrCtrl)$/i.test(k)) return mac ? '⌘' : 'Ctrl';
      if (/^(Command|Cmd|Super|Meta)$/i.test(k)) return mac ? '⌘' : 'Super';
      if (/^(Control|Ctrl)$/i.test(k)) return mac ? '⌃' : 'Ctrl';
      if (/^(Alt|Option)$/i.test(k)) return mac ? '⌥' : 'Alt';
      if (/^Shift$/i.test(k)) return mac ? '⇧' : 'Shift';
      return k;
    })
    .join(mac ? '' : '+');
}
