import { useMemo, useState } from 'react';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { useI18n } from '../i18n/i18n';
import { indexCredentials, queryPortfolio } from '../credentials/portfolioQuery';

/** At most this many matches are listed at once; searching narrows the rest. */
const maxListed = 100;

/**
 * Choosing credentials by hand: a search box and a short list of matches to tick, with the
 * chosen ones listed in their order (the order a PDF prints them in).
 */
export function CredentialPicker({
  credentials,
  chosen,
  onChange,
  label,
}: {
  credentials: readonly CredentialSummary[];
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
  label: string;
}) {
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const indexed = useMemo(() => indexCredentials(credentials, language), [credentials, language]);
  const matches = useMemo(() => queryPortfolio(indexed, { text, filters: {}, sort: 'name' }, language), [indexed, text, language]);
  const byId = useMemo(() => new Map(credentials.map((c) => [c.id, c])), [credentials]);
  const chosenSet = new Set(chosen);

  const toggle = (id: string): void => {
    onChange(chosenSet.has(id) ? chosen.filter((x) => x !== id) : [...chosen, id]);
  };
  const move = (index: number, delta: number): void => {
    const next = [...chosen];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + delta, 0, item);
    onChange(next);
  };

  return (
    <fieldset className="picker">
      <legend>{label}</legend>
      <input
        type="search"
        aria-label={t('picker.find')}
        placeholder={t('picker.find')}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
        }}
      />
      <ul className="picker-matches">
        {matches.slice(0, maxListed).map((c) => (
          <li key={c.id}>
            <label>
              <input
                type="checkbox"
                checked={chosenSet.has(c.id)}
                onChange={() => {
                  toggle(c.id);
                }}
              />
              <span className="picker-text">
                <span>{c.name}</span>
                {c.issuerName && <span className="muted"> · {c.issuerName}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {matches.length > maxListed && <p className="hint">{t('picker.more', { count: matches.length - maxListed })}</p>}
      <h3 className="picker-chosen-title">{t('picker.chosen', { count: chosen.length })}</h3>
      {chosen.length > 0 && (
        <ol className="picker-chosen">
          {chosen.map((id, index) => {
            const name = byId.get(id)?.name ?? id;
            return (
              <li key={id}>
                <span>{name}</span>
                <button
                  type="button"
                  aria-label={t('picker.up', { name })}
                  disabled={index === 0}
                  onClick={() => {
                    move(index, -1);
                  }}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={t('picker.down', { name })}
                  disabled={index === chosen.length - 1}
                  onClick={() => {
                    move(index, 1);
                  }}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={t('picker.remove', { name })}
                  onClick={() => {
                    toggle(id);
                  }}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </fieldset>
  );
}
