/** Credential formats as people say them. */
export const formatsEn = {
  'format.ob2': 'Open Badge',
  'format.ob2.version': 'Open Badge {version}',
  'format.ob3': 'Open Badge 3.0',
  'format.clr2': 'Comprehensive Learner Record',
  'format.blockcerts': 'Blockcerts certificate',
  'format.blockcerts.version': 'Blockcerts certificate (version {version})',
  'format.europass': 'Europass credential',
  'format.vc': 'Verifiable Credential',
  'format.certificate': 'PDF or picture certificate',
} as const;

export const formatsDe: Readonly<Record<keyof typeof formatsEn, string>> = {
  'format.ob2': 'Open Badge',
  'format.ob2.version': 'Open Badge {version}',
  'format.ob3': 'Open Badge 3.0',
  'format.clr2': 'Comprehensive Learner Record (Leistungsnachweis)',
  'format.blockcerts': 'Blockcerts-Zertifikat',
  'format.blockcerts.version': 'Blockcerts-Zertifikat (Version {version})',
  'format.europass': 'Europass-Nachweis',
  'format.vc': 'Verifiable Credential (digitaler Nachweis)',
  'format.certificate': 'Zertifikat als PDF oder Bild',
};
