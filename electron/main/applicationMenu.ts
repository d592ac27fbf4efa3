import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuItemSpec } from '../core/menuTemplate';

/** Electron's menu template from the data in electron/core/menuTemplate.ts. */
export function electronMenuTemplate(items: readonly MenuItemSpec[], commands: Readonly<Record<MenuCommand, () => void>>): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if ('type' in item) return { type: 'separator' };
    if ('command' in item) {
      const run = commands[item.command];
      return {
        label: item.label,
        ...(item.accelerator ? { accelerator: item.accelerator } : {}),
        click: () => {
          run();
        },
      };
    }
    if ('submenu' in item) {
      return { label: item.label, ...(item.role ? { role: item.role } : {}), submenu: electronMenuTemplate(item.submenu, commands) };
    }
    return { role: item.role, ...(item.label ? { label: item.label } : {}) };
  });
}

export function installApplicationMenu(items: readonly MenuItemSpec[], commands: Readonly<Record<MenuCommand, () => void>>): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(electronMenuTemplate(items, commands)));
}
