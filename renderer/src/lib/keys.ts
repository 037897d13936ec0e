// Shortcuts as the user's keyboard labels them: one table for every window. On macOS Electron's `Super`/`Meta`
// is the Command key, so it shows as ⌘ there, and as Super elsewhere.
import { t } from './i18n.svelte.ts';

/** One part of an Electron accelerator, in the words (or symbols) of this platform. Case does not matter. */
export function keyName(part: string, mac: boolean): string {
  switch (part.toLowerCase()) {
    case 'commandorcontrol':
    case 'cmdorctrl':
      return mac ? '⌘' : t('key.ctrl');
    case 'command':
    case 'cmd':
    case 'super':
    case 'meta':
      return mac ? '⌘' : t('key.super');
    case 'control':
    case 'ctrl':
      return mac ? '⌃' : t('key.ctrl');
    case 'alt':
    case 'option':
      return mac ? '⌥' : t('key.alt');
    case 'shift':
      return mac ? '⇧' : t('key.shift');
    case 'plus':
      return '+';
    case 'space':
      return t('key.space');
    default:
      return part;
  }
}

/** The keys of an accelerator, one label each (for <kbd> elements). */
export function keysOf(accelerator: string, mac: boolean): string[] {
  return accelerator.split('+').filter(Boolean).map((p) => keyName(p, mac));
}

/** The keys as one label: "Ctrl+Alt+B", or "⌘⌥B" on macOS. */
export const keysText = (accelerator: string, mac: boolean): string => keysOf(accelerator, mac).join(mac ? '' : '+');

export function isMac(): boolean {
  return /Mac/.test(navigator.userAgent);
}
