import { mount } from 'svelte';
import 'uplot/dist/uPlot.min.css';
import '../lib/base.css';
import '../lib/sections.css';
import StatsApp from './StatsApp.svelte';

mount(StatsApp, { target: document.getElementById('app')! });
