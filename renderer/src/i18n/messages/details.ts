/** What a credential links to: "details not fetched yet", fetching them, and what could not be had. */
export const detailsEn = {
  'details.notFetched': 'Details not fetched yet',
  'details.incomplete': 'Details incomplete',
  'details.untitled': 'Untitled credential',
  'details.notFetchedBody':
    'The issuer publishes this badge’s name, description, picture and issuer on its website. Badgefolio has not fetched them yet, so the badge cannot show them (or be fully checked).',
  'details.incompleteBody': 'Some of what this credential links to could not be fetched:',
  'details.fetch': 'Fetch details',
  'details.fetching': 'Fetching details…',
  'details.fetched': 'Details fetched and kept in your wallet.',
  'details.progress': 'Fetching what the badges link to: {done} of {total}',
  'details.kept': 'Documents kept with it: {count}, fetched on {date}',
  'details.importQuestion':
    '{count} of these credentials link to details their issuers publish on the web (name, picture, issuer). Fetch them now? Only those addresses are contacted.',
  'details.importQuestionOffline': '{count} of these credentials link to details their issuers publish on the web. Network use is off; you can still fetch them once.',
  'details.importFetched': 'Details fetched for {fetched} of {count}.',
} as const;

export const detailsDe: Record<keyof typeof detailsEn, string> = {
  'details.notFetched': 'Details noch nicht abgerufen',
  'details.incomplete': 'Details unvollständig',
  'details.untitled': 'Nachweis ohne Titel',
  'details.notFetchedBody':
    'Der Aussteller veröffentlicht Name, Beschreibung, Bild und Aussteller dieses Badges auf seiner Website. Badgefolio hat sie noch nicht abgerufen, daher kann der Badge sie nicht zeigen (und nicht vollständig geprüft werden).',
  'details.incompleteBody': 'Einiges, worauf dieser Nachweis verweist, konnte nicht abgerufen werden:',
  'details.fetch': 'Details abrufen',
  'details.fetching': 'Details werden abgerufen…',
  'details.fetched': 'Details abgerufen und in deiner Brieftasche aufbewahrt.',
  'details.progress': 'Abruf dessen, worauf die Badges verweisen: {done} von {total}',
  'details.kept': 'Dazu aufbewahrte Dokumente: {count}, abgerufen am {date}',
  'details.importQuestion':
    '{count} dieser Nachweise verweisen auf Details, die ihre Aussteller im Web veröffentlichen (Name, Bild, Aussteller). Jetzt abrufen? Nur diese Adressen werden kontaktiert.',
  'details.importQuestionOffline':
    '{count} dieser Nachweise verweisen auf Details, die ihre Aussteller im Web veröffentlichen. Die Netzwerknutzung ist aus; du kannst sie trotzdem einmal abrufen.',
  'details.importFetched': 'Details für {fetched} von {count} abgerufen.',
};
