import { mount } from 'svelte';
import '../lib/base.css';
import WelcomeApp from './WelcomeApp.svelte';

mount(WelcomeApp, { target: document.getElementById('app')! });
