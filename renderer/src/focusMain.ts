/**
 * Moves keyboard focus into the main content: to its first heading (what a screen reader then
 * reads is the page's title), else to the main landmark itself. Used by the skip link and when
 * the wallet opens. A target that is not focusable is made so for as long as it holds focus.
 */
export function focusMainContent(): boolean {
  const main = document.getElementById('main');
  if (!main) return false;
  const target = main.querySelector<HTMLElement>('h1') ?? main.querySelector<HTMLElement>('h2') ?? main;
  if (!target.hasAttribute('tabindex')) {
    target.setAttribute('tabindex', '-1');
    target.addEventListener(
      'blur',
      () => {
        target.removeAttribute('tabindex');
      },
      { once: true },
    );
  }
  target.focus();
  return true;
}
