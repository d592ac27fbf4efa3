/** The import summary (one row per file), keeping a picture as a certificate, reviewing self-reported entries, checking online once. */
export const importSummaryEn = {
  'importSummary.files': 'Files: {count}.',
  'importSummary.credentials': 'Credentials in them: {count}.',
  'importSummary.notAdded': 'Of those not added: {parts}.',
  'importSummary.kind.not-replaced': 'not replaced {count}',
  'importSummary.kind.not-a-credential': 'not a credential {count}',
  'importSummary.kind.malformed': 'damaged or not readable {count}',
  'importSummary.counting':
    'Folders and archives count as the files in them; a file holding several credentials (a transcript, a PDF with badges attached) counts once, under the best that happened to them.',
  'importSummary.picture': 'a picture with no badge or QR code in it (a logo or a photo?)',
  'importSummary.keep': 'Keep as a certificate',
  'importSummary.keeping': 'Keeping…',
  'importSummary.selfReported': 'self-reported',
  'importSummary.reviewLead': 'Self-reported entries added: {count}. Their title, issuer and date were read from the files; check them.',
  'importSummary.review': 'Review self-reported entries',
  'importSummary.checkQuestion': '{count} of these could not be fully checked without the network. Check them online now? Only the addresses they name are contacted.',
  'importSummary.checkOnline': 'Check online now',
  'importSummary.checking': 'Checking online…',
  'importSummary.checked': 'Checked online: {count}.',
} as const;

export const importSummaryDe: Record<keyof typeof importSummaryEn, string> = {
  'importSummary.files': 'Dateien: {count}.',
  'importSummary.credentials': 'Nachweise darin: {count}.',
  'importSummary.notAdded': 'Davon nicht hinzugefügt: {parts}.',
  'importSummary.kind.not-replaced': 'nicht ersetzt {count}',
  'importSummary.kind.not-a-credential': 'kein Nachweis {count}',
  'importSummary.kind.malformed': 'beschädigt oder nicht lesbar {count}',
  'importSummary.counting':
    'Ordner und Archive zählen als die Dateien darin; eine Datei mit mehreren Nachweisen (ein Transkript, ein PDF mit angehängten Badges) zählt einmal, unter dem Besten, was mit ihnen geschah.',
  'importSummary.picture': 'ein Bild ohne Badge und ohne QR-Code (ein Logo oder ein Foto?)',
  'importSummary.keep': 'Als Zertifikat behalten',
  'importSummary.keeping': 'Wird behalten…',
  'importSummary.selfReported': 'selbst angegeben',
  'importSummary.reviewLead': 'Hinzugefügte selbst angegebene Einträge: {count}. Titel, Aussteller und Datum wurden aus den Dateien gelesen; prüfe sie.',
  'importSummary.review': 'Selbst angegebene Einträge prüfen',
  'importSummary.checkQuestion': '{count} davon konnten ohne Netzwerk nicht vollständig geprüft werden. Jetzt online prüfen? Nur die darin genannten Adressen werden kontaktiert.',
  'importSummary.checkOnline': 'Jetzt online prüfen',
  'importSummary.checking': 'Wird online geprüft…',
  'importSummary.checked': 'Online geprüft: {count}.',
};
