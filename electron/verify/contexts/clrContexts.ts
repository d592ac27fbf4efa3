import clrV2p0Context from './clr-v2p0.json' with { type: 'json' };
import clrV2p0Context201 from './clr-v2p0-2.0.1.json' with { type: 'json' };

/**
 * The CLR 2.0 JSON-LD contexts, which no npm package ships: 1EdTech's own copies, as its
 * public validator (1EdTech/digital-credentials-public-validator, Apache-2.0) bundles them for
 * the same two URLs in CachingDocumentLoader. Without them no JSON-LD CLR's signature can be
 * checked offline, and Badgefolio never fetches a context. The files are kept byte for byte as
 * published (.prettierignore); `sha256` is of their JCS (RFC 8785) form, which a unit test
 * recomputes, so an edited file fails instead of silently changing what a CLR's signature is
 * checked against. Imported `with { type: 'json' }`: plain Node ESM (the Playwright specs that
 * sign test CLRs with these documents) refuses a JSON import without it.
 *
 * Not bundled: the draft address https://dc.imsglobal.org/draft/clr/v2p0/context (early
 * samples), for which no published copy is known; such a CLR stays "not fully checked".
 */
export interface PublishedContext {
  readonly url: string;
  readonly document: unknown;
  readonly source: { readonly repository: string; readonly path: string; readonly commit: string };
  /** SHA-256 (hex) of the document's JCS canonical JSON. */
  readonly sha256: string;
}

const validator = '1EdTech/digital-credentials-public-validator';
/** The validator's commit the files were taken from (its newest, of 1 July 2026, when they were bundled). */
const validatorCommit = '38254719cf0a490a403c9c812b01e6ab0678f2f3';

export const clrContexts: readonly PublishedContext[] = [
  {
    // CLR 2.0.1 (final): adds `partial` and `identifier` to 2.0's terms.
    url: 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
    document: clrV2p0Context201,
    source: { repository: validator, path: 'inspector-vc/src/main/resources/contexts/clr-v2p0-2.0.1.json', commit: validatorCommit },
    sha256: '7defe702c102faf14108579b7d65ef39ecf4c3bbef925b803e15bd77cd6e3394',
  },
  {
    // The unversioned address, used by CLRs in their VC 1.1 form (1EdTech's validator samples).
    url: 'https://purl.imsglobal.org/spec/clr/v2p0/context.json',
    document: clrV2p0Context,
    source: { repository: validator, path: 'inspector-vc/src/main/resources/contexts/clr-v2p0.json', commit: validatorCommit },
    sha256: 'a2dd0c0c07434663b7b54a51dd8a3363f6d5c420efa87e3d97b4ef8661596d44',
  },
];
