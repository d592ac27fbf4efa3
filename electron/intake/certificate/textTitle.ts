/**
 * A self-reported PDF certificate's title from its words: the line set largest on it, when one
 * stands out, that is not a word every certificate prints ("Certificate of Completion",
 * "Zertifikat", "This is to certify that"), not the holder's name (the line after "awarded
 * to" / "verliehen an"), not a date or a signature line. Undefined when nothing clearly is a
 * title (no sizes known, or nothing set larger than the body text): the caller keeps the PDF's
 * Title metadata or the file's name, as before.
 */

/** Certificate boilerplate in English and German: never the title of what was achieved. */
const generic = new RegExp(
  [
    '(certificate|certification|certificat|zertifikat|urkunde|bescheinigung|teilnahmebescheinigung|teilnahmezertifikat|abschlusszertifikat|diploma|diplom|award|nachweis|badge)',
    '(certificate|zertifikat|urkunde|bescheinigung) (of|über|ueber|der|des|zur) .{0,20}(completion|achievement|participation|attendance|excellence|recognition|merit|teilnahme|abschluss|leistung)',
    '(this is to )?certif(y|ies) that',
    '(hiermit )?(wird )?(bescheinigt|bestätigt),? dass',
    '(is )?(proudly )?(awarded|presented|granted|given) to',
    '(wird )?(verliehen|überreicht|ausgestellt) (an|für)',
    '(has|have) (successfully )?(completed|passed|attended|achieved|earned)( the| a| an)?( course| program(me)?| training| exam(ination)?)?( on| in)?',
    'hat (erfolgreich )?(am |an der |den |die |das )?(kurs|lehrgang|schulung|prüfung|weiterbildung|training)? ?(teilgenommen|abgeschlossen|bestanden|absolviert)',
    'for (successfully )?(completing|completion of|participating in|attending)( the)?',
    'in recognition of',
    'für die (erfolgreiche )?teilnahme an',
  ]
    .map((pattern) => `^${pattern}$`)
    .join('|'),
  'i',
);

/** Lines whose next line is the holder's name. */
const beforeHolder =
  /(certif(y|ies) that|awarded to|presented to|granted to|given to|verliehen an|überreicht an|ausgestellt für|bescheinigt,? dass|bestätigt,? dass|this certificate is presented to)\s*:?$/i;

/** Dates, signatures, numbers, addresses: the small print around a title. */
const smallPrint =
  /^(issued|date|dated|datum|ausgestellt|signed|signature|unterschrift|certificate (id|no|number)|zertifikat(s)?(-)?(nr|nummer)|id|nr|no|valid|gültig|verify|prüfen|www\.|https?:)\b/i;

function plain(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

/** Letters and the marks titles use; anything mostly digits or symbols is not a title. */
function looksLikeWords(line: string): boolean {
  const letters = line.match(/\p{L}/gu)?.length ?? 0;
  const digits = line.match(/\p{N}/gu)?.length ?? 0;
  return letters >= 4 && digits <= letters / 3 && line.length <= 120;
}

/** A title set this much larger than the body text stands out as one. */
const prominence = 1.2;

export function titleFromText(text: string, sizes: readonly number[]): string | undefined {
  const lines = text.split('\n').map((line, index) => ({ text: plain(line), size: sizes[index] ?? 0 }));
  const sized = lines.filter((line) => line.text !== '' && line.size > 0);
  if (sized.length === 0) return undefined;
  // The body text's size: what most of the words are set in (the median line).
  const body = [...sized.map((line) => line.size)].sort((a, b) => a - b)[Math.floor(sized.length / 2)] ?? 0;
  let best: { text: string; size: number } | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.size < body * prominence || line.size === 0) continue;
    const words = line.text.replace(/[.:!,;–—-]+$/u, '').trim();
    if (!looksLikeWords(words) || generic.test(words) || smallPrint.test(words)) continue;
    // The holder's name follows "awarded to" (possibly set large too): not a title.
    const previous = lines
      .slice(0, index)
      .reverse()
      .find((earlier) => earlier.text !== '');
    if (previous && beforeHolder.test(previous.text)) continue;
    if (!best || line.size > best.size) best = { text: words, size: line.size };
  }
  return best?.text;
}
