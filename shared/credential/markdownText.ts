import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes } from 'mdast';

/**
 * Open Badges let issuers write descriptions and criteria in Markdown. Where formatting cannot
 * be shown (the portfolio PDF, the command line, search) the reader should see the words, not
 * asterisks and brackets: this reads the Markdown with mdast-util-from-markdown (CommonMark) and
 * writes plain text, paragraphs and list items on their own lines, a link as its text with the
 * address after it when the address says something the text does not. Raw HTML is dropped,
 * never interpreted.
 */

/** Markdown longer than this is not read as Markdown: shown as given (a pathological input costs nothing). */
const maxMarkdownLength = 20_000;

/** Whether the text uses Markdown at all: most descriptions are plain sentences and stay untouched. */
const markdownSyntax = /[*_`#>[\]|]|^\s*([-+]|\d+[.)])\s|\n\s*\n|^\s*(={3,}|-{3,})\s*$/m;

function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'html':
      return '';
    case 'image':
      return node.alt ?? '';
    case 'link': {
      const text = node.children.map(inline).join('');
      const url = node.url;
      return url && /^https?:\/\//i.test(url) && !text.includes(url.replace(/^https?:\/\//i, '')) ? `${text} (${url})` : text;
    }
    default:
      return 'children' in node ? node.children.map((child) => inline(child as Nodes)).join('') : '';
  }
}

function blocks(node: Nodes, out: string[], prefix = ''): void {
  switch (node.type) {
    case 'root':
    case 'blockquote':
      for (const child of node.children) blocks(child, out, prefix);
      return;
    case 'list':
      node.children.forEach((item, index) => {
        const marker = node.ordered ? `${String((node.start ?? 1) + index)}. ` : '• ';
        const lines: string[] = [];
        for (const child of item.children) blocks(child, lines);
        const [first = '', ...rest] = lines;
        out.push(`${prefix}${marker}${first}`, ...rest.map((line) => `${prefix}   ${line}`));
      });
      return;
    case 'code':
      out.push(node.value);
      return;
    case 'html':
    case 'thematicBreak':
      return;
    case 'table':
      for (const row of node.children) out.push(row.children.map((cell) => inline(cell).trim()).join(' | '));
      return;
    default: {
      const text = inline(node).trim();
      if (text !== '') out.push(`${prefix}${text}`);
    }
  }
}

export function markdownToPlainText(text: string | undefined): string | undefined {
  if (text === undefined || text.length > maxMarkdownLength || !markdownSyntax.test(text)) return text;
  const out: string[] = [];
  blocks(fromMarkdown(text), out);
  return out.join('\n').trim();
}
