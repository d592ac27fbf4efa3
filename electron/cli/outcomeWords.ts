/**
 * How `import` and `receive` name what became of each credential: `--json` gives the key
 * (`not-replaced`), the human line starts with the words (`not replaced`). Scripts rely on both.
 */
export const outcomeWords = {
  added: 'added',
  'already-there': 'already there',
  updated: 'updated',
  'not-replaced': 'not replaced',
  'not-a-credential': 'not a credential',
  malformed: 'malformed',
  'offer-found': 'offer found',
} as const;

export type ImportOutcomeWord = keyof typeof outcomeWords;
