// The tray as a small page for a person to look at and click (preview) or to photograph (screenshots): the icon for
// the state, the tooltip, and the menu, rendered from the core's TrayView.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { MenuItem, TrayView } from '../../electron/core/tray-model.ts';
import { launchAppWindow } from './chromium.ts';
import type { RecordingTray } from './test-ports.ts';

const ICONS = resolve(import.meta.dirname, '../../resources/icons');

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function menuHtml(items: MenuItem[]): string {
  return items
    .map((i) =>
      i.separator
        ? '<hr>'
        : i.submenu
          ? `<details><summary>${escape(i.label)}</summary><div class="sub">${menuHtml(i.submenu)}</div></details>`
          : `<button ${i.enabled === false ? 'disabled' : ''} data-id="${escape(i.id)}">${escape(i.label)}</button>`,
    )
    .join('');
}

/** A native menu is drawn in its language's direction: right to left where its first letter is Arabic or Hebrew. */
export function menuDirection(items: MenuItem[]): 'ltr' | 'rtl' {
  const first = items.find((i) => !i.separator && i.label)?.label.match(/\p{L}/u)?.[0] ?? '';
  return /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(first) ? 'rtl' : 'ltr';
}

export function trayPageHtml(v: TrayView, dark = false): string {
  const icon = readFileSync(resolve(ICONS, `tray-${v.icon}-48.png`)).toString('base64');
  return `<!doctype html><html dir="${menuDirection(v.menu)}"><title>Limber tray</title>
  <style>
    *{box-sizing:border-box}
    body{font:14px system-ui,sans-serif;margin:0;padding:12px;background:${dark ? '#1f262d' : '#fff'};color:${dark ? '#e6ebef' : '#1f2a33'}}
    header{display:flex;gap:10px;align-items:center;padding-bottom:8px}
    .tip{font-size:12px;opacity:.8}
    button,summary{display:block;width:100%;text-align:start;padding:6px 10px;border:0;border-radius:6px;background:none;color:inherit;font:inherit;cursor:pointer}
    button:hover:not(:disabled),summary:hover{background:${dark ? '#2f3942' : '#e9eef2'}}
    button:disabled{opacity:.5;cursor:default}
    .sub{padding-inline-start:14px}
    hr{border:0;border-top:1px solid ${dark ? '#2f3942' : '#dde3e8'};margin:4px 0}
  </style>
  <header><img alt="tray icon: ${v.icon}" src="data:image/png;base64,${icon}" width="32" height="32">
  <div><b>Limber</b><div class="tip">${escape(v.tooltip)}</div></div></header><hr>
  ${menuHtml(v.menu)}`;
}

/**
 * A page that follows the tray as the app renders it; clicks go to the app's menu handler. With `appWindow` (the
 * preview) it is a Chromium app window of its own at those bounds, placed as the desktop would place a tray menu.
 */
export async function openTrayPage(browser: Browser, tray: RecordingTray, dark = false, appWindow?: { x: number; y: number; width: number; height: number }): Promise<Page> {
  const colorScheme = dark ? 'dark' : 'light';
  const page = appWindow
    ? (await launchAppWindow(appWindow, { colorScheme })).page
    : await (await browser.newContext({ viewport: { width: 300, height: 640 }, colorScheme })).newPage();
  await page.exposeFunction('clickMenu', (id: string) => tray.clickMenu(id));
  let shown = '';
  const show = async (v: TrayView) => {
    const key = JSON.stringify(v);
    if (key === shown) return;
    shown = key;
    await page.setContent(trayPageHtml(v, dark));
    await page.evaluate(`document.addEventListener('click', (e) => { const id = e.target && e.target.dataset && e.target.dataset.id; if (id) window.clickMenu(id); })`);
  };
  const render = tray.render.bind(tray);
  tray.render = (v: TrayView) => {
    render(v);
    void show(v);
  };
  await show(tray.current);
  return page;
}
