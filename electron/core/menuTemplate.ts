import type { Language } from '../../shared/preferences';

/**
 * The application menu as data. The shell (electron/main/applicationMenu.ts) turns it into
 * Electron's Menu, giving each `command` a click handler; everything else is a standard role,
 * which Electron labels and localises itself and which carries the OS's usual shortcuts.
 */

/** What Badgefolio's own menu items do. */
export const menuCommands = ['import', 'exportPdf', 'lock', 'preferences', 'openDocs'] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** Electron's menu roles this menu uses. */
export type MenuRole =
  | 'about'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'quit'
  | 'close'
  | 'editMenu'
  | 'windowMenu'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'appMenu'
  | 'fileMenu'
  | 'viewMenu'
  | 'help';

export type MenuItemSpec =
  | { readonly type: 'separator' }
  | { readonly role: MenuRole; readonly label?: string }
  | { readonly label: string; readonly command: MenuCommand; readonly accelerator?: string }
  | { readonly label: string; readonly role?: MenuRole; readonly submenu: readonly MenuItemSpec[] };

const labels = {
  en: {
    file: 'File',
    view: 'View',
    help: 'Help',
    import: 'Import Badges…',
    exportPdf: 'Export Portfolio PDF…',
    lock: 'Lock Wallet',
    preferences: 'Preferences…',
    settings: 'Settings…',
    docs: 'Badgefolio Help',
  },
  de: {
    file: 'Datei',
    view: 'Ansicht',
    help: 'Hilfe',
    import: 'Badges importieren …',
    exportPdf: 'Portfolio als PDF exportieren …',
    lock: 'Brieftasche sperren',
    preferences: 'Einstellungen …',
    settings: 'Einstellungen …',
    docs: 'Badgefolio-Hilfe',
  },
} satisfies Record<Language, Record<string, string>>;

/**
 * The keyboard shortcuts of Badgefolio's own items (the roles bring theirs: Quit, Close,
 * Copy, Paste, zoom, full screen). CmdOrCtrl is ⌘ on macOS and Ctrl elsewhere. Lock is the
 * password managers' shortcut; Preferences is ⌘, on macOS and Ctrl+, in editors elsewhere.
 */
export const shortcuts = {
  import: 'CmdOrCtrl+O',
  exportPdf: 'CmdOrCtrl+E',
  lock: 'CmdOrCtrl+L',
  preferences: 'CmdOrCtrl+,',
  openDocs: 'F1',
} as const satisfies Record<MenuCommand, string>;

const separator = { type: 'separator' } as const;

export interface MenuOptions {
  readonly platform: NodeJS.Platform;
  readonly language: Language;
  readonly productName: string;
  /** There is a documentation link to open (package.json names a homepage). */
  readonly docs: boolean;
}

/** The menu bar: macOS puts About, Preferences and Quit in the app menu, others in File and Help. */
export function applicationMenu(options: MenuOptions): MenuItemSpec[] {
  const t = labels[options.language];
  const mac = options.platform === 'darwin';
  const item = (command: MenuCommand, label: string): MenuItemSpec => ({ label, command, accelerator: shortcuts[command] });

  const fileItems: MenuItemSpec[] = [
    item('import', t.import),
    item('exportPdf', t.exportPdf),
    separator,
    item('lock', t.lock),
    separator,
    ...(mac ? [{ role: 'close' } as const] : [item('preferences', t.settings), separator, { role: 'quit' } as const]),
  ];
  const viewItems: MenuItemSpec[] = [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, separator, { role: 'togglefullscreen' }];
  const helpItems: MenuItemSpec[] = [...(options.docs ? [item('openDocs', t.docs)] : []), ...(mac ? [] : [...(options.docs ? [separator] : []), { role: 'about' } as const])];

  return [
    ...(mac
      ? [
          {
            label: options.productName,
            role: 'appMenu',
            submenu: [
              { role: 'about' },
              separator,
              item('preferences', t.preferences),
              separator,
              { role: 'services' },
              separator,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              separator,
              { role: 'quit' },
            ],
          } as const,
        ]
      : []),
    { label: t.file, role: 'fileMenu', submenu: fileItems },
    { role: 'editMenu' },
    { label: t.view, role: 'viewMenu', submenu: viewItems },
    { role: 'windowMenu' },
    { label: t.help, role: 'help', submenu: helpItems },
  ];
}

/** Every command the menu offers, in order: what the shell must handle. */
export function commandsIn(items: readonly MenuItemSpec[]): MenuCommand[] {
  return items.flatMap((entry) => ('command' in entry ? [entry.command] : 'submenu' in entry ? commandsIn(entry.submenu) : []));
}
