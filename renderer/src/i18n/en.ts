/** English: the reference catalogue. Every other language must provide every key. */
export const en = {
  'app.name': 'Badgefolio',
  'app.tagline': 'Your badges and certificates, safe on your own computer.',
  'theme.label': 'Theme',
  'theme.system': 'System',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'language.label': 'Language',
  'welcome.title': 'Welcome to Badgefolio',
  'welcome.lead':
    'Badgefolio keeps every digital badge and certificate you have earned in one place that belongs to you: on this computer, encrypted, and readable even without the internet.',
  'welcome.keep.title': 'Keep',
  'welcome.keep.body': 'Open Badges, CLR transcripts, Blockcerts and Europass credentials, stored in an encrypted wallet.',
  'welcome.check.title': 'Check',
  'welcome.check.body': 'See whether each credential is genuine, still valid and not revoked, with the reasons spelled out.',
  'welcome.show.title': 'Show',
  'welcome.show.body': 'Build a portfolio PDF for a job application, with a verification link for every credential.',
  'welcome.empty': 'Your wallet is empty for now. Creating a wallet and adding badges comes next.',
  'footer.version': 'Version {version}',
  'footer.harness': 'browser harness',
  'error.unreachable': 'The wallet is not responding. Restart Badgefolio and try again.',
} as const;

export type MessageKey = keyof typeof en;
export type Catalogue = Readonly<Record<MessageKey, string>>;
