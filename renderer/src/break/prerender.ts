// Run by the renderer build (vite.config.renderer.ts), never in the window: the break window's opening frame as
// markup, drawn by the same component the window mounts, so break.html paints it before any script has run.
import { render } from 'svelte/server';
import BreakApp from './BreakApp.svelte';

/**
 * BreakApp before main has said what the window is for. Without Svelte's hydration markers (the app is mounted over
 * it), and without style attributes: the page policy refuses inline style, and the opening figure is still, so the
 * one it carries (the length of a movement cycle) has nothing to time.
 */
export function openingFrame(): string {
  return render(BreakApp)
    .body.replace(/<!--[^>]*-->/g, '')
    .replace(/ style="[^"]*"/g, '');
}
