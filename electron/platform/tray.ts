// Renders the core's TrayView with Electron's Tray and Menu.
import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron';
import type { MenuItem, TrayIcon, TrayView } from '../core/tray-model.ts';
import type { TrayPort } from '../ports.ts';

export function toTemplate(items: MenuItem[], onMenu: (id: string) => void): MenuItemConstructorOptions[] {
  return items.map((item) =>
    item.separator
      ? { type: 'separator' as const }
      : {
          id: item.id,
          label: item.label,
          enabled: item.enabled ?? true,
          ...(item.submenu ? { submenu: toTemplate(item.submenu, onMenu) } : { click: () => onMenu(item.id) }),
        },
  );
}

/** The parts of Electron the tray uses: passed in so tests can give fakes typed as Electron's own APIs. */
export interface TrayDeps {
  Tray: new (image: NativeImage) => Pick<Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'on'>;
  Menu: Pick<typeof Menu, 'buildFromTemplate'>;
  nativeImage: Pick<typeof nativeImage, 'createFromPath'>;
}

export function createElectronTray(
  iconPath: (icon: TrayIcon) => string,
  isMac: boolean,
  deps: TrayDeps = { Tray, Menu, nativeImage },
): TrayPort {
  const tray = new deps.Tray(deps.nativeImage.createFromPath(iconPath('working')));
  let menuCb: (id: string) => void = () => {};
  let last: TrayView | null = null;
  return {
    render(view) {
      if (last?.icon !== view.icon) tray.setImage(deps.nativeImage.createFromPath(iconPath(view.icon)));
      if (last?.tooltip !== view.tooltip) tray.setToolTip(view.tooltip);
      if (isMac && last?.title !== view.title) tray.setTitle(view.title);
      // Linux needs setContextMenu again after any change to the menu.
      if (JSON.stringify(last?.menu) !== JSON.stringify(view.menu)) {
        tray.setContextMenu(deps.Menu.buildFromTemplate(toTemplate(view.menu, (id) => menuCb(id))));
      }
      last = view;
    },
    onClick(cb) {
      tray.on('click', cb);
    },
    onMenu(cb) {
      menuCb = cb;
    },
  };
}
