import { DocumentsMap } from '../verify/documents';
import { UsageError } from './command';

/**
 * What `badgefolio import` and `badgefolio verify` share about the documents credentials link
 * to: the user's documents maps (credentialNames.ts says how a credential without a name is
 * shown; core/documentsBeside.ts keeps the documents given among the files). Both fill
 * credentials in through one routine, core/fillIn.ts; this is only how the command line feeds it.
 */

/** Every `--documents MAP` given, merged (later maps win); a map that is not one is a usage error. */
export function readDocumentsMaps(files: readonly string[]): DocumentsMap | undefined {
  let combined: DocumentsMap | undefined;
  for (const file of files) {
    let map: DocumentsMap;
    try {
      map = DocumentsMap.fromFile(file);
    } catch (error) {
      throw new UsageError((w) => w.documentsMapUnusable(file, error instanceof Error ? error.message : String(error)));
    }
    combined = combined ? combined.merge(map) : map;
  }
  return combined;
}
