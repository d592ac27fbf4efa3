import type { Translate } from '../i18n/translate';

/**
 * A PDF font the window could not load, with what went wrong as data rather than an English
 * sentence: the export dialog words it in the reader's language (fontLoadSentence); the
 * message stays English for the developer console.
 */
export type FontLoadProblem = { readonly kind: 'unreachable'; readonly detail: string } | { readonly kind: 'status'; readonly status: number } | { readonly kind: 'not-woff' };

export class FontLoadError extends Error {
  constructor(
    readonly url: string,
    readonly problem: FontLoadProblem,
  ) {
    super(
      `The PDF font ${url} could not be loaded: ${problem.kind === 'unreachable' ? problem.detail : problem.kind === 'status' ? `the app answered ${String(problem.status)}` : 'it is not a WOFF font'}`,
    );
    this.name = 'FontLoadError';
  }
}

/** The font's file name: the bundler's address of it means nothing to a reader. */
function fileNameOf(url: string): string {
  const last = url.split(/[?#]/)[0]?.split('/').pop() ?? '';
  return last === '' ? url : decodeURIComponent(last);
}

/** Why the PDF could not be built, in the reader's language, when a font was the cause. */
export function fontLoadSentence(error: FontLoadError, t: Translate): string {
  const { problem } = error;
  const reason =
    problem.kind === 'unreachable'
      ? t('export.fontUnreachable', { detail: problem.detail })
      : problem.kind === 'status'
        ? t('export.fontStatus', { status: String(problem.status) })
        : t('export.fontNotWoff');
  return t('export.fontLoadFailed', { file: fileNameOf(error.url), reason });
}
