/** The output formats of `roster doc`: text formats print; docx is a file. */
import { displayValue } from '../../domain/display-text.js';
import type { Documents } from '../official-document.js';
import { renderHtml } from './html.js';
import { renderMarkdown } from './markdown.js';
import { renderText } from './text.js';

export const FORMATS = ['txt', 'md', 'html', 'docx'] as const;
export type Format = (typeof FORMATS)[number];

export type Rendered = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'binary'; readonly bytes: Buffer };

/**
 * Every format renders the documents with their text made safe first (src/domain/display-text.ts):
 * a control character from the record would otherwise make a docx's XML ill-formed (Word refuses the
 * file) or act on a terminal; it is shown as � instead.
 */
export async function render(documents: Documents, format: Format): Promise<Rendered> {
  const doc = displayValue(documents);
  switch (format) {
    case 'txt':
      return { kind: 'text', text: renderText(doc) };
    case 'md':
      return { kind: 'text', text: renderMarkdown(doc) };
    case 'html':
      return { kind: 'text', text: renderHtml(doc) };
    case 'docx': {
      // Loaded only when asked for: the docx package is large and every other command starts faster without it.
      const { renderDocx } = await import('./docx.js');
      return { kind: 'binary', bytes: await renderDocx(doc) };
    }
  }
}
