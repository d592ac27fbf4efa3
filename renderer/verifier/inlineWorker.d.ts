/** The verifier worker's script, as text (build/verifierPage.js builds it; engineClient.ts starts it from a blob: URL). */
declare module 'badgefolio-verifier-worker' {
  export const workerSource: string;
}
