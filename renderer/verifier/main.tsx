import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EngineClient } from './engineClient';
import { VerifierApp } from './VerifierApp';
import './verifier.css';

/**
 * The verifier page (issue #18): a static page that checks a credential carried in its link's
 * fragment, or a portfolio PDF dropped on it, with Badgefolio's own engine in a Web Worker.
 */
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <VerifierApp engine={new EngineClient()} />
    </StrictMode>,
  );
}
