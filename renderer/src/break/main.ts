import { mount } from 'svelte';
import '../lib/base.css';
import BreakApp from './BreakApp.svelte';

mount(BreakApp, { target: document.getElementById('app')! });
