/** The PDF builders: pure TypeScript (pdf-lib, fontkit, qrcode), for the renderer and the CLI alike. */
export { buildPortfolioPdf } from './portfolioPdf';
export { buildCertificatePdf } from './certificatePdf';
export { bestVerificationLink, isPublicHttpsUrl, noPublicLinkSentence, verifierLink } from './verificationLink';
export type { VerificationLink, VerificationLinkKind } from './verificationLink';
export { linkedInAddCertificationUrl } from './linkedIn';
export { manifestFileName, manifestType, parseManifest } from './attachments';
export type { ManifestEntry, PortfolioManifest } from './attachments';
export { imageSize, sniffImage } from './images';
export { themes } from './pdfLayout';
export type * from './types';
