import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { CredentialSummary } from '../../../shared/credential/walletViews';
import { credentialKinds } from '../../../shared/credential/model';
import { Segmented } from '../controls/Segmented';
import { useI18n } from '../i18n/i18n';
import { picturesReady, preloadThumbnails } from '../wallet/CredentialImage';
import { CredentialCard } from './CredentialCard';
import { filterChoices, filterPortfolio, indexCredentials, sortKeys, sortPortfolio, timelineGroups, type PortfolioFilters, type SortKey } from './portfolioQuery';

export type PortfolioLayout = 'grid' | 'list' | 'timeline';
const layouts: readonly PortfolioLayout[] = ['grid', 'list', 'timeline'];

/** Card sizes the virtual list relies on (the CSS clamps text to fit). */
const gridCard = { minWidth: 280, height: 170, gap: 16 };
const listRowHeight = 76;
const headingHeight = 52;

type Row = { readonly kind: 'heading'; readonly key: string } | { readonly kind: 'cards'; readonly key: string; readonly items: readonly CredentialSummary[] };

function chunk(items: readonly CredentialSummary[], size: number, prefix: string): Row[] {
  const rows: Row[] = [];
  for (let start = 0; start < items.length; start += size) rows.push({ kind: 'cards', key: `${prefix}${String(start)}`, items: items.slice(start, start + size) });
  return rows;
}

/** The rows last made for each result: a keystroke's handler and the render that follows share them. */
const rowsMade = new WeakMap<readonly CredentialSummary[], { layout: PortfolioLayout; columns: number; rows: Row[] }>();

/** The virtual list's rows: cards in rows of `columns`, or the timeline's months with one card a row. */
function rowsOf(shown: readonly CredentialSummary[], layout: PortfolioLayout, columns: number): Row[] {
  const made = rowsMade.get(shown);
  if (made?.layout === layout && made.columns === columns) return made.rows;
  const rows =
    layout !== 'timeline'
      ? chunk(shown, columns, '')
      : timelineGroups(shown).flatMap((group) => [{ kind: 'heading' as const, key: group.key }, ...chunk(group.credentials, 1, `${group.key}:`)]);
  rowsMade.set(shown, { layout, columns, rows });
  return rows;
}

/** How long a new search result waits for its cards' pictures before it is shown without them. */
const picturesWaitMs = 100;

function monthTitle(key: string, language: string, undated: string): string {
  if (key === 'undated') return undated;
  const [year, month] = key.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)).toLocaleDateString(language, { year: 'numeric', month: 'long', timeZone: 'UTC' });
}

function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  optionLabel,
}: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange: (value: T | undefined) => void;
  optionLabel: (value: T) => string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => {
          const chosen = options.find((option) => option === event.target.value);
          onChange(chosen);
        }}
      >
        <option value="">{t('portfolio.filterAll')}</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </span>
  );
}

/**
 * The portfolio: search, filters, sort, and grid / list / timeline of every credential. Only
 * the rows on screen exist in the page (a virtual list), so 10,000 credentials scroll smoothly.
 */
export function PortfolioView({
  credentials,
  onOpen,
  actions,
  notices,
  onChooseFiles,
  dragging = false,
}: {
  credentials: readonly CredentialSummary[];
  onOpen: (id: string) => void;
  /** The Import badges / Export PDF buttons, owned by the page. */
  actions: ReactNode;
  /** Import progress and summaries, shown under the toolbar. */
  notices?: ReactNode;
  /** Opens the file picker: offered in the empty portfolio, which is also a drop target. */
  onChooseFiles?: () => void;
  /** Files are being dragged over the window. */
  dragging?: boolean;
}) {
  const { t, language } = useI18n();
  /**
   * The text the results show. The Search field keeps its own value (uncontrolled): a keystroke
   * needs no render of the view until its results are ready to show.
   */
  const [query, setQuery] = useState('');
  const searchTicket = useRef(0);
  const [sort, setSort] = useState<SortKey>('issued');
  const [filters, setFilters] = useState<PortfolioFilters>({});
  const [layout, setLayout] = useState<PortfolioLayout>('grid');
  const [showFilters, setShowFilters] = useState(false);
  /** Sets one filter, or drops it when its select says "all". */
  const setFilter =
    <K extends keyof PortfolioFilters>(key: K) =>
    (value: PortfolioFilters[K] | undefined): void => {
      // A filter set to "all" is left out rather than kept as undefined.
      setFilters((current) => {
        const entries: [string, unknown][] = Object.entries({ ...current, [key]: value });
        return Object.fromEntries(entries.filter(([, set]) => set !== undefined));
      });
    };
  const scroller = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(960);

  const indexed = useMemo(() => indexCredentials(credentials, language), [credentials, language]);
  const choices = useMemo(() => filterChoices(credentials, language), [credentials, language]);
  // Filtering 10,000 precomputed texts takes a few milliseconds, done in the keystroke's own
  // handler (a deferred value cost a frame).
  const sorted = useMemo(() => sortPortfolio(indexed, sort, language), [indexed, sort, language]);
  // One filtering per keystroke: the Search field's handler filters to find the new cards, and
  // the render that shows them reuses that answer.
  const lastFilter = useRef<{ sorted: unknown; text: string; filters: PortfolioFilters; language: string; shown: CredentialSummary[] } | null>(null);
  const filterFor = (searched: string): CredentialSummary[] => {
    const last = lastFilter.current;
    if (last?.sorted === sorted && last.text === searched && last.filters === filters && last.language === language) return last.shown;
    const answer = filterPortfolio(sorted, { text: searched, filters }, language);
    lastFilter.current = { sorted, text: searched, filters, language, shown: answer };
    return answer;
  };
  const shown = filterFor(query);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);

  const columns = layout === 'grid' ? Math.max(1, Math.floor((width + gridCard.gap) / (gridCard.minWidth + gridCard.gap))) : 1;
  const rows = useMemo(() => rowsOf(shown, layout, columns), [shown, columns, layout]);

  const rowHeight = layout === 'grid' ? gridCard.height + gridCard.gap : listRowHeight;
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]?.kind === 'heading' ? headingHeight : rowHeight),
    overscan: 4,
    getItemKey: (index) => rows[index]?.key ?? index,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [virtualizer, rowHeight, layout]);

  const virtualItems = virtualizer.getVirtualItems();

  /**
   * A keystroke in Search: the field shows it at once; the results change when the pictures of
   * the cards that will be on screen are in (one round trip, a few milliseconds; at most
   * picturesWaitMs), so cards and pictures arrive in one frame instead of placeholders first and
   * pictures a frame later. A newer keystroke supersedes one still waiting.
   */
  const search = (value: string): void => {
    const ticket = ++searchTicket.current;
    const first = virtualItems[0]?.index ?? 0;
    const last = virtualItems.at(-1)?.index ?? 0;
    const upcoming = rowsOf(filterFor(value), layout, columns)
      .slice(first, last + 1)
      .flatMap((row) => (row.kind === 'cards' ? row.items : []));
    const pictures = picturesReady(upcoming, picturesWaitMs);
    if (!pictures) {
      setQuery(value);
      return;
    }
    void pictures.then(() => {
      if (searchTicket.current === ticket) setQuery(value);
    });
  };
  // Rows coming into view (scrolling, another sort, filter or layout): their pictures are asked
  // for while the cards render, and fill in a frame later.
  if (!virtualizer.isScrolling) {
    preloadThumbnails(
      virtualItems.flatMap((item) => {
        const row = rows[item.index];
        return row?.kind === 'cards' ? row.items : [];
      }),
    );
  }

  const filtered = filters.issuer !== undefined || filters.status !== undefined || filters.skill !== undefined || filters.kind !== undefined;

  return (
    <section className="portfolio" aria-labelledby="portfolio-title">
      <div className="toolbar">
        <h1 id="portfolio-title">{t('portfolio.title')}</h1>
        <input
          type="search"
          aria-label={t('portfolio.search')}
          placeholder={t('portfolio.searchHint')}
          onChange={(event) => {
            search(event.target.value);
          }}
        />
        <span className="filter">
          <label htmlFor="portfolio-sort">{t('portfolio.sortBy')}</label>
          <select
            id="portfolio-sort"
            value={sort}
            onChange={(event) => {
              setSort(sortKeys.find((key) => key === event.target.value) ?? 'issued');
            }}
          >
            {sortKeys.map((key) => (
              <option key={key} value={key}>
                {t(`portfolio.sort.${key}`)}
              </option>
            ))}
          </select>
        </span>
        <button
          type="button"
          aria-expanded={showFilters}
          aria-controls="portfolio-filters"
          onClick={() => {
            setShowFilters((open) => !open);
          }}
        >
          {filtered ? t('portfolio.filtersOn') : t('portfolio.filters')}
        </button>
        <Segmented
          label={t('portfolio.view')}
          name="portfolio-layout"
          options={layouts}
          value={layout}
          optionLabel={(option) => <span>{t(`portfolio.layout.${option}`)}</span>}
          onChange={setLayout}
        />
        <div className="toolbar-actions">{actions}</div>
      </div>
      {showFilters && (
        <div className="filters" id="portfolio-filters" role="group" aria-label={t('portfolio.filters')}>
          <FilterSelect label={t('portfolio.filter.issuer')} value={filters.issuer} options={choices.issuers} optionLabel={(v) => v} onChange={setFilter('issuer')} />
          <FilterSelect
            label={t('portfolio.filter.status')}
            value={filters.status}
            options={choices.statuses}
            optionLabel={(v) => (v === 'none' ? t('portfolio.notChecked') : t(`status.${v}`))}
            onChange={setFilter('status')}
          />
          <FilterSelect label={t('portfolio.filter.skill')} value={filters.skill} options={choices.skills} optionLabel={(v) => v} onChange={setFilter('skill')} />
          <FilterSelect
            label={t('portfolio.filter.kind')}
            value={filters.kind}
            options={credentialKinds.filter((kind) => choices.kinds.includes(kind))}
            optionLabel={(v) => t(`kind.${v}`)}
            onChange={setFilter('kind')}
          />
          <button
            type="button"
            disabled={!filtered}
            onClick={() => {
              setFilters({});
            }}
          >
            {t('portfolio.clearFilters')}
          </button>
        </div>
      )}
      <div className="portfolio-notices">{notices}</div>
      <p className="count" aria-live="polite">
        {shown.length === credentials.length ? t('portfolio.count', { count: credentials.length }) : t('portfolio.countOf', { shown: shown.length, count: credentials.length })}
      </p>
      <div
        ref={scroller}
        className={`portfolio-scroll layout-${layout}`}
        role="region"
        aria-label={t('portfolio.listLabel')}
        tabIndex={-1}
        // Notices above give way to the list down to this height, and no further; a short list
        // keeps no more than it needs (the notices then show in full).
        style={{ minHeight: `clamp(10rem, ${String(virtualizer.getTotalSize())}px, min(15rem, 36vh))` }}
      >
        {credentials.length === 0 ? (
          // Files dropped here (as anywhere on the window) are imported; the button picks them instead.
          <div className={dragging ? 'drop-zone drop-zone-active' : 'drop-zone'}>
            <p>{t('portfolio.empty')}</p>
            {onChooseFiles && (
              <button type="button" onClick={onChooseFiles}>
                {t('portfolio.chooseFiles')}
              </button>
            )}
          </div>
        ) : shown.length === 0 ? (
          <p className="empty-state">{t('portfolio.noMatch')}</p>
        ) : (
          <div className="virtual-space" style={{ height: `${String(virtualizer.getTotalSize())}px` }}>
            {virtualItems.map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={item.key}
                  className={row.kind === 'heading' ? 'virtual-row timeline-heading' : `virtual-row cards-row cards-${layout === 'grid' ? 'grid' : 'list'}`}
                  style={{
                    transform: `translateY(${String(item.start)}px)`,
                    height: `${String(item.size)}px`,
                    gridTemplateColumns: layout === 'grid' ? `repeat(${String(columns)}, minmax(0, 1fr))` : undefined,
                  }}
                >
                  {row.kind === 'heading' ? (
                    <h2>{monthTitle(row.key, language, t('portfolio.undated'))}</h2>
                  ) : (
                    row.items.map((c) => (
                      <CredentialCard key={c.id} credential={c} layout={layout === 'grid' ? 'grid' : 'list'} onOpen={onOpen} scrolling={virtualizer.isScrolling} />
                    ))
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </section>
  );
}
