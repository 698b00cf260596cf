// Command-line arguments of `oomscope` (see shared/spec/cli-contract.md): parsed, never trusted.
import type { Locale } from '../core/index';
import { isLocale } from '../core/index';

export type CommandName = 'parse' | 'analyze' | 'diff' | 'report';
export const COMMANDS: readonly CommandName[] = ['parse', 'analyze', 'diff', 'report'];

export interface CliArgs {
  command: CommandName;
  inputs: string[];
  output: 'json' | 'md';
  lang: Locale;
  compare: string | null;
  out: string | null;
}

export type ArgsResult = { ok: true; args: CliArgs } | { ok: false; help: true } | { ok: false; help: false; message: string };

export function parseArgs(argv: readonly string[]): ArgsResult {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { ok: false, help: true };
  const [first, ...rest] = argv;
  if (!COMMANDS.includes(first as CommandName)) return { ok: false, help: false, message: `unknown command "${first}" (expected one of: ${COMMANDS.join(', ')})` };
  const command = first as CommandName;
  const args: CliArgs = { command, inputs: [], output: 'json', lang: 'en', compare: null, out: null };
  let explicitOutput = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    const takeValue = (): string | null => {
      const eq = arg.indexOf('=');
      if (eq >= 0) return arg.slice(eq + 1);
      const v = rest[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i++;
      return v;
    };
    const name = arg.split('=')[0];
    if (name === '--json' || name === '--md') {
      const wanted = name === '--json' ? 'json' : 'md';
      if (explicitOutput && args.output !== wanted) return { ok: false, help: false, message: '--json and --md cannot be used together' };
      args.output = wanted;
      explicitOutput = true;
    } else if (name === '--lang') {
      const v = takeValue();
      if (v === null || !isLocale(v)) return { ok: false, help: false, message: `--lang takes "en" or "zh-CN"${v === null ? '' : `, not "${v}"`}` };
      args.lang = v;
    } else if (name === '--compare') {
      const v = takeValue();
      if (v === null) return { ok: false, help: false, message: '--compare needs an input' };
      args.compare = v;
    } else if (name === '--out') {
      const v = takeValue();
      if (v === null) return { ok: false, help: false, message: '--out needs a file name' };
      args.out = v;
    } else if (arg.startsWith('--')) {
      return { ok: false, help: false, message: `unknown option "${arg}"` };
    } else {
      args.inputs.push(arg);
    }
  }
  if (args.inputs.length === 0) return { ok: false, help: false, message: `${command} needs at least one input` };
  if (command === 'diff' && args.inputs.length !== 2) return { ok: false, help: false, message: 'diff takes exactly two inputs: <before> <after>' };
  if (command === 'report' && args.out === null) return { ok: false, help: false, message: 'report needs --out FILE (.html or .pdf)' };
  return { ok: true, args };
}

export const HELP_TEXT = `oomscope — where did the memory go? (headless OOMScope)

Usage:
  oomscope parse <file>...            detect each file's format by content and print what was extracted
  oomscope analyze <input>...         import the inputs as one bundle, build the snapshot(s), run every rule
  oomscope diff <before> <after>      import two inputs as two snapshots and explain the difference
  oomscope report <input>... [--compare <input>] --out FILE
                                      write the incident report (.html; .pdf where a Chromium is found)

An <input> is a file, a directory (walked recursively), or an archive (.tar, .tar.gz/.tgz, .zip, .gz).

Options:
  --json            JSON output (the default)
  --md              human-readable Markdown
  --lang en|zh-CN   language of titles and explanations (JSON keys and ids never change)
  --compare INPUT   (report) add a before/after comparison against INPUT
  --out FILE        (report) where to write the report
  -h, --help        this help

Memory figures in JSON are integer bytes in fields ending in "Bytes"; null means not in the input.
Exit status: 0 on success (also when some files were unrecognised: see their warnings),
2 for unusable arguments or an input that cannot be read at all.
`;
