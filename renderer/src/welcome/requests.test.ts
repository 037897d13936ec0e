import { describe, expect, it } from 'vitest';
import { shortcutLabel } from './requests.ts';

describe('shortcutLabel', () => {
  it('names the keys as Windows and Linux keyboards label them', () => {
    expect(shortcutLabel('CommandOrControl+Alt+B', false)).toBe('Ctrl+Alt+B');
    expect(shortcutLabel('CmdOrCtrl+Shift+F9', false)).toBe('Ctrl+Shift+F9');
    expect(shortcutLabel('Super+Space', false)).toBe('Super+Space');
  });

  it('uses the macOS symbols, without separators', () => {
    expect(shortcutLabel('CommandOrControl+Alt+B', true)).toBe('⌘⌥B');
    expect(shortcutLabel('Control+Shift+Option+K', true)).toBe('⌃⇧⌥K');
  });
});
