/** Names that appear in window titles, the CLI, the PDF metadata and the installers. */
export const productName = 'Badgefolio';

/** The custom scheme the renderer is served from (never file://). */
export const appScheme = 'app';
export const appHost = 'badgefolio';
export const appOrigin = `${appScheme}://${appHost}`;
