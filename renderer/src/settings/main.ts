import { mount } from 'svelte';
import '../lib/base.css';
import '../lib/sections.css';
import SettingsApp from './SettingsApp.svelte';

mount(SettingsApp, { target: document.getElementById('app')! });
