import { mount } from 'svelte';
import { startLocale } from '../lib/i18n.svelte.ts';
import '../lib/base.css';
import BreakApp from './BreakApp.svelte';

// The window's language first, so it renders once, in that language.
void startLocale().then(() => mount(BreakApp, { target: document.getElementById('app')! }));
