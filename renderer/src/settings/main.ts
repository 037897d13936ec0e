import { mount } from 'svelte';
import { startLocale } from '../lib/i18n.svelte.ts';
import '../lib/base.css';
import '../lib/sections.css';
import SettingsApp from './SettingsApp.svelte';

// The window's language first, so it renders once, in that language.
void startLocale().then(() => mount(SettingsApp, { target: document.getElementById('app')! }));
