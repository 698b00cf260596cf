// A note's or the conclusion's Markdown in the report (components/MarkdownElements.tsx does the
// walk), hook-free so the CLI renders it headless. A link prints its text and its address (a printed
// page cannot be clicked); an image prints as its description and address.
import type { ReactNode } from 'react';
import { parseMarkdown } from '../../../../core';
import { MarkdownElements, type MarkdownLook } from '../../components/MarkdownElements';

const REPORT_LOOK: MarkdownLook = {
  // Inside a note card: below the report's own headings.
  headingLevel: () => 4,
  codeBlock: (text) => <pre className="r-md-code">{text}</pre>,
  codeSpanClass: 'r-md-code-span',
  link: (node, text) => (
    <span>
      {text}
      <span className="r-muted"> ⟨{node.href}⟩</span>
    </span>
  ),
};

export function ReportMarkdown({ markdown }: { markdown: string }): ReactNode {
  return (
    <div className="r-markdown">
      <MarkdownElements blocks={parseMarkdown(markdown)} look={REPORT_LOOK} />
    </div>
  );
}
