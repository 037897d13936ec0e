import { describe, expect, it } from 'vitest';
import { parseGeometry, parseWorkArea } from './preview-desktop.ts';

describe('preview desktop probes', () => {
  it('reads the first work area from _NET_WORKAREA, and the screen size from xdotool', () => {
    expect(parseWorkArea('_NET_WORKAREA(CARDINAL) = 0, 27, 1920, 1053, 0, 27, 1920, 1053')).toEqual({ x: 0, y: 27, width: 1920, height: 1053 });
    expect(parseGeometry('2560 1440\n')).toEqual({ x: 0, y: 0, width: 2560, height: 1440 });
  });
  it('no window manager or no display: null, so the next source is asked', () => {
    expect(parseWorkArea('_NET_WORKAREA:  not found.')).toBeNull();
    expect(parseWorkArea(null)).toBeNull();
    expect(parseGeometry(null)).toBeNull();
  });
});
