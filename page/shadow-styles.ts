import highlightsCss from '../entrypoints/content/highlights.css?inline';
import mentionsCss from '../entrypoints/content/mentions.css?inline';

let sheet: CSSStyleSheet | undefined;

/**
 * Gives an open shadow root Gloss's `::highlight()` styles: the document's styles stop at its
 * boundary, so mentions and highlights in it would be registered but not painted. The page
 * can see the adopted sheet; it holds nothing but those styles.
 */
export function adoptGlossStyles(root: ShadowRoot): void {
  try {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(mentionsCss + highlightsCss);
    }
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch {
    // A browser whose content scripts may not hand the page a style sheet (Firefox's wrappers):
    // the text is still read and its mentions open cards, unstyled.
  }
}
