import { describe, expect, it } from 'vitest';
import { docsUrl } from '../../../electron/core/desktopIdentity';
import { applicationMenu, commandsIn, menuCommands, shortcuts, type MenuItemSpec } from '../../../electron/core/menuTemplate';

function find(items: readonly MenuItemSpec[], predicate: (item: MenuItemSpec) => boolean): MenuItemSpec | undefined {
  for (const item of items) {
    if (predicate(item)) return item;
    if ('submenu' in item) {
      const found = find(item.submenu, predicate);
      if (found) return found;
    }
  }
  return undefined;
}
const roles = (items: readonly MenuItemSpec[]): string[] =>
  items.flatMap((item) => [...('role' in item && item.role ? [item.role] : []), ...('submenu' in item ? roles(item.submenu) : [])]);
const topLabels = (items: readonly MenuItemSpec[]) => items.map((item) => ('label' in item ? item.label : 'role' in item ? item.role : '-'));

describe('the application menu (data)', () => {
  const base = { language: 'en', productName: 'Badgefolio', docs: true } as const;

  it('on Windows and Linux: File, Edit, View, Window, Help, with Settings and Quit in File and About in Help', () => {
    const menu = applicationMenu({ ...base, platform: 'linux' });
    expect(topLabels(menu)).toEqual(['File', 'editMenu', 'View', 'windowMenu', 'Help']);
    const file = menu[0] as { submenu: readonly MenuItemSpec[] };
    expect(commandsIn(file.submenu)).toEqual(['import', 'exportPdf', 'lock', 'preferences']);
    expect(file.submenu.at(-1)).toEqual({ role: 'quit' });
    expect(roles(menu)).toEqual(['fileMenu', 'quit', 'editMenu', 'viewMenu', 'resetZoom', 'zoomIn', 'zoomOut', 'togglefullscreen', 'windowMenu', 'help', 'about']);
  });

  it('on macOS: the app menu holds About, Preferences (⌘,), Services, Hide and Quit; File ends with Close', () => {
    const menu = applicationMenu({ ...base, platform: 'darwin' });
    expect(topLabels(menu)).toEqual(['Badgefolio', 'File', 'editMenu', 'View', 'windowMenu', 'Help']);
    const appMenu = menu[0] as { role: string; submenu: readonly MenuItemSpec[] };
    expect(appMenu.role).toBe('appMenu');
    expect(roles(appMenu.submenu)).toEqual(['about', 'services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(commandsIn(appMenu.submenu)).toEqual(['preferences']);
    expect((menu[1] as { submenu: readonly MenuItemSpec[] }).submenu.at(-1)).toEqual({ role: 'close' });
  });

  it('offers every command once with its shortcut, and no developer tools or reload', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const menu = applicationMenu({ ...base, platform });
      expect(commandsIn(menu).sort()).toEqual([...menuCommands].sort());
      for (const command of menuCommands) {
        expect(find(menu, (item) => 'command' in item && item.command === command)).toMatchObject({ accelerator: shortcuts[command] });
      }
      expect(roles(menu)).not.toContain('toggleDevTools');
      expect(roles(menu).filter((role) => /reload/i.test(role))).toEqual([]);
    }
    expect(shortcuts).toEqual({ import: 'CmdOrCtrl+O', exportPdf: 'CmdOrCtrl+E', lock: 'CmdOrCtrl+L', preferences: 'CmdOrCtrl+,', openDocs: 'F1' });
    expect(new Set(Object.values(shortcuts)).size).toBe(menuCommands.length);
  });

  it('speaks the chosen language', () => {
    const menu = applicationMenu({ ...base, language: 'de', platform: 'win32' });
    expect(topLabels(menu)).toEqual(['Datei', 'editMenu', 'Ansicht', 'windowMenu', 'Hilfe']);
    expect(find(menu, (item) => 'command' in item && item.command === 'lock')).toMatchObject({ label: 'Brieftasche sperren' });
  });

  it('leaves the help link out when there is no documentation address, keeping About', () => {
    const menu = applicationMenu({ ...base, docs: false, platform: 'linux' });
    expect(commandsIn(menu)).not.toContain('openDocs');
    expect((menu.at(-1) as { submenu: readonly MenuItemSpec[] }).submenu).toEqual([{ role: 'about' }]);
  });
});

describe('the documentation link', () => {
  it('is the package homepage when it is an https address, else there is none', () => {
    expect(docsUrl('{"homepage":"https://docs.example.org/badgefolio"}')).toBe('https://docs.example.org/badgefolio');
    expect(docsUrl('{"homepage":"http://docs.example.org/"}')).toBeNull();
    expect(docsUrl('{"homepage":"javascript:alert(1)"}')).toBeNull();
    expect(docsUrl('{"name":"badgefolio"}')).toBeNull();
    expect(docsUrl('not json')).toBeNull();
    expect(docsUrl(null)).toBeNull();
  });
});
