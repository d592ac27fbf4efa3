import type { PDFPage } from 'pdf-lib';
import { chips, drawImageInBox, inlineItems, textBlock, type Surface } from './blocks';
import type { DocumentSetup } from './document';
import { box, rule } from './pageOps';
import { formatDate, roundedRect, shownStatus, statusLook } from './pdfLayout';
import { statusLabel, type PdfWords } from './pdfWords';
import type { PlacedImage } from './pngStream';
import { cleanText, drawLine, fitLine } from './textShaping';
import { creditUnitOr, formatNumber } from './credits';
import type { PortfolioInput } from './types';
import { isPublicHttpsUrl } from './verificationLink';

/**
 * The portfolio's cover: the person, who the PDF is for, the summary (counts, skills, credits,
 * pathways) and where the table of contents starts. Apart from the entries, so that each stays
 * a module one can read through.
 */

const margin = 50;

export interface CoverContext {
  readonly setup: DocumentSetup;
  readonly surface: Surface;
  readonly input: PortfolioInput;
  readonly words: PdfWords;
}

export interface Summary {
  total: number;
  kinds: [string, number][];
  statuses: [string, number][];
  skills: string[];
  credits: [string, number][];
  pathwaysCompleted: string[];
  /** Each pathway given, named by its goal with its progress ("Data analyst (completed, 4 of 6)"). */
  pathwayLines: string[];
  /** "2 verified credentials: 1 from an issuer listed in a registry; for 1 of them nothing confirms who the issuer is" (identitySummary.ts); empty when no verified entry says who stands behind it. */
  verifiedIdentities: string;
}

const pathwayTypes = /pathway|program|programme|track|speciali[sz]ation|micromasters|learningprogram|degree|diploma/i;

function count<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts.entries()];
}

export function summarise(input: PortfolioInput, words: PdfWords): Summary {
  const credentials = input.credentials.map((e) => e.credential);
  const skillCounts = new Map<string, { name: string; count: number }>();
  for (const credential of credentials) {
    for (const skill of new Set(credential.skills.map((s) => cleanText(s.name)).filter((s) => s !== ''))) {
      const key = skill.toLocaleLowerCase();
      const found = skillCounts.get(key);
      if (found) found.count++;
      else skillCounts.set(key, { name: skill, count: 1 });
    }
  }
  const credits = new Map<string, number>();
  for (const credential of credentials) {
    for (const credit of credential.credits) {
      if (!Number.isFinite(credit.value) || credit.value <= 0) continue;
      const unit = creditUnit(words, credit.unit);
      credits.set(unit, (credits.get(unit) ?? 0) + credit.value);
    }
  }
  const pathways = input.options.pathways
    ? input.options.pathways.filter((p) => p.completed).map((p) => p.name)
    : credentials.filter((c) => pathwayTypes.test(c.achievementType ?? '')).map((c) => c.name);
  const verified = input.credentials.filter((e) => e.status === 'verified');
  const pathwayLines = (input.options.pathways ?? []).map((p) =>
    p.done !== undefined && p.required !== undefined ? words.pathway(cleanText(p.name), p.done, p.required, p.completed) : cleanText(p.name),
  );
  return {
    total: credentials.length,
    kinds: count(credentials, (c) => c.kind).sort((a, b) => b[1] - a[1]),
    statuses: count(input.credentials, (e) => shownStatus(e)).sort((a, b) => b[1] - a[1]),
    skills: [...skillCounts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((s) => s.name),
    credits: [...credits.entries()],
    pathwaysCompleted: pathways.map((p) => cleanText(p)),
    pathwayLines,
    verifiedIdentities: words.verifiedIdentities(
      verified.length,
      verified.flatMap((e) => (e.issuerIdentity ? [e.issuerIdentity] : [])),
    ),
  };
}

export { formatNumber };

/** A credit's unit in the PDF's words (credits.ts), its text cleaned for the PDF's fonts. */
export function creditUnit(words: PdfWords, unit: string): string {
  return creditUnitOr(cleanText(unit), words.creditsUnit);
}

function kindPlural(words: PdfWords, kind: string, n: number): string {
  const known = Object.entries(words.kinds).find(([name]) => name === kind)?.[1];
  return known ? known.plural(n) : kind;
}

export interface CoverResult {
  /** Where the contents table may start on the cover. */
  readonly contentsTop: number;
}

export function drawCover(ctx: CoverContext, page: PDFPage, summary: Summary, photo: PlacedImage | null): CoverResult {
  const { setup, surface: s, input, words } = ctx;
  const { theme, locale } = setup;
  const { owner, options } = input;
  const width = page.getWidth();
  const height = page.getHeight();
  const contentWidth = width - margin * 2;
  box(page, 0, height - 8, width, 8, { fill: theme.accent });
  let y = height - 58;
  const photoSize = 88;
  const hasPhoto = photo !== null;
  const textWidth = hasPhoto ? contentWidth - photoSize - 20 : contentWidth;
  if (hasPhoto) {
    drawImageInBox(page, photo, width - margin - photoSize, y, photoSize);
  }
  const top = y;
  // Without a name in the profile, the cover's headline is what the document is, never a
  // placeholder standing in for a person's name.
  const named = cleanText(owner.name);
  const label = cleanText(options.title) || words.portfolio;
  if (named !== '' || label !== words.portfolio) {
    y -= textBlock(s, page, label.toUpperCase(), { size: 8.5, bold: true, color: theme.accent }, margin, y, textWidth, { maxLines: 2 });
    y -= 6;
  }
  y -= textBlock(s, page, named || words.portfolio, { size: 26, bold: true, color: theme.ink }, margin, y, textWidth, { maxLines: 2, lineGap: 1.15 });
  const headline = cleanText(owner.headline);
  if (headline !== '') y -= 4 + textBlock(s, page, headline, { size: 12.5, color: theme.muted }, margin, y - 4, textWidth, { maxLines: 2 });
  const contacts: { text: string; link?: string; color?: typeof theme.ink }[] = [];
  if (owner.email !== undefined && owner.email.trim() !== '') contacts.push({ text: cleanText(owner.email), link: `mailto:${owner.email.trim()}`, color: theme.link });
  if (owner.phone !== undefined && owner.phone.trim() !== '') contacts.push({ text: cleanText(owner.phone) });
  if (owner.location !== undefined && owner.location.trim() !== '') contacts.push({ text: cleanText(owner.location) });
  if (isPublicHttpsUrl(owner.website)) contacts.push({ text: owner.website.replace(/^https:\/\//, '').replace(/\/$/, ''), link: owner.website, color: theme.link });
  for (const extra of owner.links ?? []) {
    if (isPublicHttpsUrl(extra.url)) contacts.push({ text: cleanText(extra.label) || extra.url, link: extra.url, color: theme.link });
  }
  if (contacts.length > 0) y -= 8 + inlineItems(s, page, contacts, { size: 9.5, color: theme.ink }, margin, y - 8, textWidth);
  y = Math.min(y, hasPhoto ? top - photoSize : y);
  const about = cleanText(owner.about, true);
  if (about !== '') y -= 12 + textBlock(s, page, about, { size: 9.5, color: theme.ink }, margin, y - 12, contentWidth, { maxLines: 6, lineGap: 1.4 });
  const exported = formatDate(options.generatedAt.toISOString(), locale) ?? '';
  const recipient = cleanText(options.recipientName);
  const preparedLine = recipient !== '' ? words.preparedFor(recipient, exported) : words.exportedOn(exported);
  y -= 12 + textBlock(s, page, preparedLine, { size: 8.5, color: theme.muted }, margin, y - 12, contentWidth, { maxLines: 2 });
  y -= 14;
  rule(page, margin, y, width - margin, y, 0.6, theme.rule);
  y -= 16;

  // Summary tiles.
  y -= sectionHeading(s, page, words.summary, margin, y);
  const verified = summary.statuses.find(([status]) => status === 'verified')?.[1] ?? 0;
  const tiles: [string, string][] = [
    [String(summary.total), words.tiles.credentials(summary.total)],
    [String(verified), words.tiles.verified],
    [String(summary.skills.length), words.tiles.skills(summary.skills.length)],
  ];
  if (summary.credits.length > 0) {
    const [unit, value] = [...summary.credits].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    tiles.push([formatNumber(value, locale), unit]);
  }
  if (summary.pathwaysCompleted.length > 0 || options.pathways) tiles.push([String(summary.pathwaysCompleted.length), words.tiles.pathways(summary.pathwaysCompleted.length)]);
  const tileGap = 10;
  const tileWidth = (contentWidth - tileGap * (tiles.length - 1)) / tiles.length;
  tiles.forEach(([value, label], i) => {
    const tx = margin + i * (tileWidth + tileGap);
    roundedRect(page, tx, y, tileWidth, 52, 8, { fill: theme.panel });
    drawLine(page, setup.book, fitLine(setup.book, value, { size: 20, bold: true, color: theme.accent }, tileWidth - 20), tx + 11, y - 26, {
      size: 20,
      bold: true,
      color: theme.accent,
    });
    drawLine(page, setup.book, fitLine(setup.book, label, { size: 8, color: theme.muted }, tileWidth - 20), tx + 11, y - 41, { size: 8, color: theme.muted });
  });
  y -= 52 + 12;
  const facts: { text: string; color?: typeof theme.ink }[] = [];
  facts.push({ text: summary.kinds.map(([kind, n]) => `${String(n)} ${kindPlural(words, kind, n)}`).join(', ') });
  for (const [status, n] of summary.statuses) facts.push({ text: `${String(n)} ${statusLabel(words, status).toLocaleLowerCase(locale)}`, color: statusLook(status).color });
  if (summary.credits.length > 0) facts.push({ text: words.creditsLine(summary.credits.map(([unit, value]) => `${formatNumber(value, locale)} ${unit}`).join(', ')) });
  y -= inlineItems(s, page, facts, { size: 8.8, color: theme.ink }, margin, y, contentWidth);
  if (summary.verifiedIdentities !== '') {
    y -= 4 + textBlock(s, page, summary.verifiedIdentities, { size: 8.8, color: theme.ink }, margin, y - 4, contentWidth, { maxLines: 3 });
  }
  // Pathways named by their goal: the ones given with their progress, else those completed.
  const pathwayList = summary.pathwayLines.length > 0 ? summary.pathwayLines : summary.pathwaysCompleted;
  if (pathwayList.length > 0) {
    y -= 4 + textBlock(s, page, words.pathways(pathwayList.join(', ')), { size: 8.8, color: theme.ink }, margin, y - 4, contentWidth, { maxLines: 3 });
  }
  if (summary.skills.length > 0) {
    y -= 14;
    y -= sectionHeading(s, page, words.skills, margin, y);
    y -= chips(s, page, summary.skills, margin, y, contentWidth, 28) + 4;
  }
  y -= 14;
  rule(page, margin, y, width - margin, y, 0.6, theme.rule);
  y -= 16;
  y -= sectionHeading(s, page, words.contents, margin, y);
  return { contentsTop: y };
}

function sectionHeading(s: Surface, page: PDFPage, text: string, x: number, top: number): number {
  return textBlock(s, page, text, { size: 11.5, bold: true, color: s.theme.accent }, x, top, 400, { maxLines: 1 }) + 6;
}
