// Plain text for a Monaco hover, which renders Markdown: every ASCII punctuation character is
// backslash-escaped (CommonMark lets any be), so a note's `<img>`, `[link](…)`, `$(icon)` or
// `**` show as typed; line breaks stay, and leading spaces do not turn a line into a code block.
//   hoverText('**x** <b>', 'Note') → '**Note**\n\n\\*\\*x\\*\\* \\<b\\>'
const PUNCTUATION = /[!-/:-@[-`{-~]/g;

export function escapeHoverMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const escaped = line.replace(PUNCTUATION, (c) => `\\${c}`);
      // Leading spaces (4+ would start a code block) become no-break spaces.
      return escaped.replace(/^[ \t]+/, (lead) => '\u00a0'.repeat(lead.replace(/\t/g, '    ').length));
    })
    .join('  \n');
}

export function hoverText(text: string, title?: string): string {
  const body = escapeHoverMarkdown(text);
  return title ? `**${escapeHoverMarkdown(title)}**\n\n${body}` : body;
}
