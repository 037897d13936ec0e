// Run by the renderer build (vite.config.renderer.ts), never in the window: the break window's opening frame as
// markup, drawn by the same component the window mounts, so break.html paints it before any script has run.
import { render } from 'svelte/server';
import BreakApp from './BreakApp.svelte';

/** BreakApp before main has said what the window is for, without Svelte's hydration markers (it is mounted over). */
export function openingFrame(): string {
  return render(BreakApp).body.replace(/<!--[^>]*-->/g, '');
}
