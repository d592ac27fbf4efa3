import { MarkdownText } from './MarkdownText';

/** The rows of a credential's facts list (a <dl>): a row with nothing to say is left out. */

/** Descriptions and criteria: Markdown, as Open Badges allow, rendered safely. */
export function MarkdownRow({ label, text }: { label: string; text: string | undefined }) {
  if (!text?.trim()) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <MarkdownText text={text} />
      </dd>
    </>
  );
}

export function Row({ label, value }: { label: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
