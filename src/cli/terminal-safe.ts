// What the CLI prints comes partly from the files it reads (process names, paths, archive member
// names, warnings quoting them). Control characters there would reach the user's terminal as escape
// sequences (ESC[2J clears the screen, OSC 0 sets the window title, some terminals do worse), and
// bidirectional overrides would reorder what is shown. They are printed as visible \uXXXX escapes,
// which inside JSON strings is the same value. Sample:
//   '- Victim: \u001b[2J (pid 21065)'  →  '- Victim: \\u001b[2J (pid 21065)'

// C0 controls except tab and line feed, DEL and C1 controls, bidi embeddings/overrides/isolates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
