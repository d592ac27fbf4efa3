import type { CredentialImage, NormalizedCredential } from '../../shared/credential/model';
import { sha256Hex } from '../intake/formats/credentialSource';

function imageSummary(image: CredentialImage | undefined) {
  if (!image) return undefined;
  return {
    mediaType: image.mediaType,
    ...(image.bytes ? { bytes: image.bytes.length } : {}),
    ...(image.sourceUrl ? { sourceUrl: image.sourceUrl } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
  };
}

/**
 * The normalised credential for `--json` output: every field, with byte arrays replaced by
 * their size and hash (scripts want facts, not megabytes of numbers).
 */
export function credentialForJson(credential: NormalizedCredential) {
  const { original, image, issuer, ...rest } = credential;
  return {
    ...rest,
    image: imageSummary(image),
    issuer: { ...issuer, image: imageSummary(issuer.image) },
    original: {
      fileName: original.fileName,
      mediaType: original.mediaType,
      bytes: original.bytes.length,
      sha256: sha256Hex(original.bytes),
      ...(original.payload === undefined ? {} : { payload: original.payload }),
    },
  };
}
