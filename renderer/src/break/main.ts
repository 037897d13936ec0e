import { mount } from 'svelte';
import { startLocale } from '../lib/i18n.svelte.ts';
import '../lib/base.css';
import BreakApp from './BreakApp.svelte';

// The window's language first, so it renders once, in that language. Until then the page shows the opening frame
// the build drew into break.html (prerender.ts); the app's own first frame is the same markup, put in its place.
void startLocale().then(() => {
  const target = document.getElementById('app')!;
  target.replaceChildren();
  mount(BreakApp, { target });
});
