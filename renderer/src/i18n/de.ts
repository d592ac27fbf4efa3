import type { Catalogue } from './en';

/** German. The type makes a missing key a compile error. */
export const de: Catalogue = {
  'app.name': 'Badgefolio',
  'app.tagline': 'Deine Badges und Zertifikate, sicher auf deinem eigenen Computer.',
  'theme.label': 'Farbschema',
  'theme.system': 'System',
  'theme.light': 'Hell',
  'theme.dark': 'Dunkel',
  'language.label': 'Sprache',
  'welcome.title': 'Willkommen bei Badgefolio',
  'welcome.lead':
    'Badgefolio bewahrt alle digitalen Badges und Zertifikate, die du erworben hast, an einem Ort auf, der dir gehört: auf diesem Computer, verschlüsselt und auch ohne Internet lesbar.',
  'welcome.keep.title': 'Aufbewahren',
  'welcome.keep.body': 'Open Badges, CLR-Nachweise, Blockcerts und Europass-Nachweise in einer verschlüsselten Brieftasche.',
  'welcome.check.title': 'Prüfen',
  'welcome.check.body': 'Sieh, ob jeder Nachweis echt, noch gültig und nicht widerrufen ist, mit klaren Gründen.',
  'welcome.show.title': 'Zeigen',
  'welcome.show.body': 'Erstelle ein Portfolio-PDF für Bewerbungen, mit einem Prüflink für jeden Nachweis.',
  'welcome.empty': 'Deine Brieftasche ist noch leer. Als Nächstes kannst du eine Brieftasche anlegen und Badges hinzufügen.',
  'footer.version': 'Version {version}',
  'footer.harness': 'Browser-Testumgebung',
  'error.unreachable': 'Die Brieftasche antwortet nicht. Starte Badgefolio neu und versuche es erneut.',
};
