// `oomscope`: the headless CLI over the same domain engine as the app (shared/spec/cli-contract.md).
import { parseArgs, HELP_TEXT, type CliArgs } from './args';
import { expandInputs, InputError, parseFileFromDisk } from './read-inputs';
import { parseOutput, toJson } from './print-json';
import { parseMarkdown } from './print-markdown';
import { runAnalyze, runDiff } from './analyze-command';
import { runReport } from './report-command';
import { terminalSafe } from './terminal-safe';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

async function runParse(args: CliArgs, io: CliIo): Promise<number> {
  const files = await expandInputs(args.inputs);
  const parsed = [];
  for (const f of files) parsed.push(await parseFileFromDisk(f.absPath, f.displayPath));
  io.stdout(args.output === 'md' ? parseMarkdown(parsed, args.lang) : toJson(parseOutput(parsed)));
  return 0;
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  // Text from the files read ends up in what is printed: no control character reaches the terminal.
  const io: CliIo = { stdout: (t) => rawIo.stdout(terminalSafe(t)), stderr: (t) => rawIo.stderr(terminalSafe(t)) };
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(HELP_TEXT);
      return argv.length === 0 ? 2 : 0;
    }
    io.stderr(`oomscope: ${parsed.message}\nRun "oomscope --help" for usage.\n`);
    return 2;
  }
  const { args } = parsed;
  try {
    switch (args.command) {
      case 'parse':
        return await runParse(args, io);
      case 'analyze':
        io.stdout(await runAnalyze(args));
        return 0;
      case 'diff':
        io.stdout(await runDiff(args));
        return 0;
      case 'report':
        return await runReport(args, io);
    }
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`oomscope: ${error.message}\n`);
      return 2;
    }
    // A bug, not bad data: one clear line, no stack trace for the user.
    io.stderr(`oomscope: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
  process.exitCode = code;
}
