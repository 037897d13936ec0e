import { describe, expect, it } from 'vitest';
import { keyName, keysOf, keysText } from './keys.ts';

describe('shortcut labels', () => {
  it('names the keys as Windows and Linux keyboards label them', () => {
    expect(keysText('CommandOrControl+Alt+B', false)).toBe('Ctrl+Alt+B');
    expect(keysText('CmdOrCtrl+Shift+F9', false)).toBe('Ctrl+Shift+F9');
    expect(keysText('Super+Space', false)).toBe('Super+Space');
    expect(keysText('Meta+Plus', false)).toBe('Super++');
    expect(keysOf('Control+Shift+K', false)).toEqual(['Ctrl', 'Shift', 'K']);
  });

  it('uses the macOS symbols, without separators; Super is the Command key there', () => {
    expect(keysText('CommandOrControl+Alt+B', true)).toBe('⌘⌥B');
    expect(keysText('Control+Shift+Option+K', true)).toBe('⌃⇧⌥K');
    expect(keyName('Super', true)).toBe('⌘');
    expect(keyName('Meta', true)).toBe('⌘');
  });

  it('reads accelerator parts in any case', () => {
    expect(keysText('commandorcontrol+alt+b', false)).toBe('Ctrl+Alt+b');
    expect(keyName('SHIFT', true)).toBe('⇧');
  });
});
