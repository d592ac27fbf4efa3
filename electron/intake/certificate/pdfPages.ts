import type { PDFDict, PDFObject } from 'pdf-lib';
import type { PdfObjects } from './pdfObjects';

/** A page, with the resources it inherits from the page tree when it has none of its own. */
export interface PdfPage {
  readonly dict: PDFDict;
  readonly resources: PDFDict | undefined;
}

/** Far more page-tree nodes than any certificate has; a bound on a hostile tree's cost. */
const maxPageTreeNodes = 100_000;

/**
 * The pages in reading order, walked from the catalog's page tree ourselves rather than
 * with pdf-lib's traversal, which recurses without a guard: a tree whose /Kids point back
 * up would never end. Each node is visited once; a broken branch is skipped.
 */
export function readPages(objects: PdfObjects, catalog: PDFDict): PdfPage[] {
  const pages: PdfPage[] = [];
  const visited = new Set<PDFObject>();
  const root = objects.dict(objects.get(catalog, 'Pages'));
  if (!root) return pages;
  const pending: { node: PDFDict; inherited: PDFDict | undefined }[] = [{ node: root, inherited: undefined }];
  while (pending.length > 0 && visited.size < maxPageTreeNodes) {
    const next = pending.pop();
    if (!next || visited.has(next.node)) continue;
    visited.add(next.node);
    const resources = objects.dict(objects.get(next.node, 'Resources')) ?? next.inherited;
    const kids = objects.array(objects.get(next.node, 'Kids'));
    if (kids === undefined || objects.name(objects.get(next.node, 'Type')) === 'Page') {
      pages.push({ dict: next.node, resources });
      continue;
    }
    // Pushed in reverse so that the first kid is walked first.
    for (const kid of objects.items(kids).reverse()) {
      const node = objects.dict(kid);
      if (node) pending.push({ node, inherited: resources });
    }
  }
  return pages;
}

/** The annotation dictionaries of a page, resolved. */
export function pageAnnotations(objects: PdfObjects, page: PdfPage): PDFDict[] {
  return objects
    .items(objects.get(page.dict, 'Annots'))
    .map((item) => objects.dict(item))
    .filter((annotation) => annotation !== undefined);
}
