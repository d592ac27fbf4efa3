import { summaryIn } from '../../../shared/credential/verificationMessages';
import type { PortfolioMaterial } from '../../../shared/credential/walletViews';
import type { OwnerProfileSettings } from '../../../shared/preferences';
import type { OwnerProfile, PathwaySummary, PdfLanguage, PresentationSigner } from '../../../shared/portfolio/types';
import { unwrap, wallet } from '../wallet';
import { buildPortfolioInRenderer } from '../portfolio/buildPortfolioInRenderer';

/**
 * The owner's cover, from the profile settings: only https links are printed (the builder checks
 * again). Without a name the builder writes "Unnamed" in the PDF's language.
 */
export function ownerFrom(profile: OwnerProfileSettings, photo: { mediaType: string; bytes: Uint8Array } | null): OwnerProfile {
  const optional = {
    headline: profile.headline,
    email: profile.emails[0],
    phone: profile.phone,
    website: profile.website,
    location: profile.location,
    about: profile.about,
  };
  const owner: Record<string, unknown> = { name: profile.name.trim(), links: profile.links };
  for (const [key, value] of Object.entries(optional)) if (value) owner[key] = value;
  if (photo) owner.photo = photo;
  return owner as unknown as OwnerProfile;
}

/**
 * The holder's signature over the whole set: the main process signs with the wallet's key
 * (the key never reaches the renderer).
 */
export async function walletPresentationSigner(): Promise<PresentationSigner> {
  const { did } = unwrap(await wallet().holderIdentity({}));
  return {
    holder: did,
    sign: async (presentation) => unwrap(await wallet().signPresentation({ presentation })),
  };
}

/** Builds the portfolio PDF in the renderer from what the main process handed over. */
export function buildPortfolio(input: {
  profile: OwnerProfileSettings;
  photo: { mediaType: string; bytes: Uint8Array } | null;
  entries: readonly PortfolioMaterial[];
  paper: 'a4' | 'letter';
  recipient: string;
  /** The language of the PDF's own words and of each status sentence. */
  language: PdfLanguage;
  locale: string;
  pathways: readonly PathwaySummary[];
  verifierUrl?: string;
  presentation?: PresentationSigner;
}): Promise<Uint8Array> {
  return buildPortfolioInRenderer({
    owner: ownerFrom(input.profile, input.photo),
    credentials: input.entries.map((entry) => ({
      credential: entry.credential,
      status: entry.status,
      ...(entry.statusSentence ? { statusSentence: summaryIn({ summary: entry.statusSentence, summaryMessage: entry.statusMessage, status: entry.status }, input.language) } : {}),
      ...(entry.checkedAt ? { checkedAt: entry.checkedAt } : {}),
      ...(entry.issuerIdentity ? { issuerIdentity: entry.issuerIdentity } : {}),
      ...(entry.linkFragment ? { linkFragment: entry.linkFragment } : {}),
    })),
    options: {
      paper: input.paper,
      generatedAt: new Date(),
      language: input.language,
      locale: input.locale,
      ...(input.recipient.trim() ? { recipientName: input.recipient.trim() } : {}),
      ...(input.verifierUrl ? { verifierUrl: input.verifierUrl } : {}),
      ...(input.pathways.length > 0 ? { pathways: input.pathways } : {}),
      ...(input.presentation ? { presentation: input.presentation } : {}),
    },
  });
}
