import { mount } from 'svelte';
import { startLocale } from '../lib/i18n.svelte.ts';
import 'uplot/dist/uPlot.min.css';
import '../lib/base.css';
import '../lib/sections.css';
import StatsApp from './StatsApp.svelte';

// The window's language first, so it renders once, in that language.
void startLocale().then(() => mount(StatsApp, { target: document.getElementById('app')! }));
