import Markdown, { type Components } from 'react-markdown';
import { wallet } from '../wallet';

/**
 * A description or criteria text as its issuer wrote it: Open Badges allow Markdown. Rendered by
 * react-markdown into React elements (never as HTML: raw HTML in the text is skipped), with a
 * short list of harmless elements. Pictures are not shown (no remote content in the window),
 * and a link opens only an https address, in the system browser, through the main process.
 */
const allowedElements = ['p', 'br', 'strong', 'em', 'del', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr'];

const httpsOnly = (url: string): string => (/^https:\/\//i.test(url) ? url : '');

const components: Components = {
  // Headings inside a credential's text are not the dialog's headings: shown as strong paragraphs.
  h1: ({ children }) => <p className="markdown-heading">{children}</p>,
  h2: ({ children }) => <p className="markdown-heading">{children}</p>,
  h3: ({ children }) => <p className="markdown-heading">{children}</p>,
  h4: ({ children }) => <p className="markdown-heading">{children}</p>,
  h5: ({ children }) => <p className="markdown-heading">{children}</p>,
  h6: ({ children }) => <p className="markdown-heading">{children}</p>,
  a: ({ href, children }) =>
    href ? (
      <a
        href={href}
        rel="noreferrer noopener"
        onClick={(event) => {
          event.preventDefault();
          void wallet().openExternal({ url: href });
        }}
      >
        {children}
      </a>
    ) : (
      <>{children}</>
    ),
};

export function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown-text">
      <Markdown skipHtml allowedElements={allowedElements} unwrapDisallowed urlTransform={httpsOnly} components={components}>
        {text}
      </Markdown>
    </div>
  );
}
