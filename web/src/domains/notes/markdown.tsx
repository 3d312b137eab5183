import MarkdownIt from 'markdown-it';
import { useMemo } from 'react';

// HTML in notes is never rendered (the server strips it too); links open in a new tab.
const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

/** A note's Markdown as formatted text. markdown-it escapes everything it does not format. */
export function Markdown({ text }: { text: string }) {
  const html = useMemo(() => md.render(text), [text]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: markdown-it with html:false escapes all HTML input
  return <div className="markdown-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
