/** The Badgefolio mark: a ribboned badge. Decorative, so hidden from screen readers. */
export function BadgeMark({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <path d="M20 38 L14 60 L24 54 L30 62 L34 42 Z" fill="var(--accent-2)" />
      <path d="M44 38 L50 60 L40 54 L34 62 L30 42 Z" fill="var(--accent-2)" />
      <circle cx="32" cy="26" r="22" fill="var(--accent)" />
      <circle cx="32" cy="26" r="15" fill="none" stroke="var(--on-accent)" strokeWidth="3" />
      <path d="M24 26 L30 32 L41 20" fill="none" stroke="var(--on-accent)" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
