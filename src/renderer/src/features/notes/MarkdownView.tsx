// Markdown of a note or a conclusion in the app (components/MarkdownElements.tsx does the walk).
// Raw HTML shows as the text it is; a link shows its text and address, and opens nothing; an image
// loads nothing.
import { useMemo, type ReactNode } from 'react';
import { parseMarkdown } from '../../../../core';
import { useI18n } from '../../app/i18n';
import { MarkdownElements, type MarkdownLook, type MdLink } from '../../components/MarkdownElements';

const APP_LOOK: MarkdownLook = {
  // Notes sit inside panels: their headings rank below the page's own.
  headingLevel: (level) => Math.min(6, level + 2) as 3 | 4 | 5 | 6,
  headingClass: 'md-heading',
  codeBlock: (text) => (
    <pre className="md-code">
      <code>{text}</code>
    </pre>
  ),
  codeSpanClass: 'md-code-span',
  link: (node, text) => <LinkAsText node={node}>{text}</LinkAsText>,
};

export function MarkdownView({ markdown, className }: { markdown: string; className?: string }): ReactNode {
  const blocks = useMemo(() => parseMarkdown(markdown), [markdown]);
  return (
    <div className={className ? `markdown ${className}` : 'markdown'}>
      <MarkdownElements blocks={blocks} look={APP_LOOK} />
    </div>
  );
}

function LinkAsText({ node, children }: { node: MdLink; children: ReactNode }): ReactNode {
  const { t } = useI18n();
  const title = node.image ? t('notes.imageShown', { href: node.href }) : t('notes.linkShown', { href: node.href });
  return (
    <span className="md-link" title={title}>
      {children}
      <span className="md-link-url"> ⟨{node.href}⟩</span>
    </span>
  );
}
