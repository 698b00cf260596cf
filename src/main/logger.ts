// main's log file: <userData>/logs/main.log, one line per entry (errors with their stack indented).
//   2025-03-01T10:00:00.000Z INFO  started 0.1.0 on linux
//   2025-03-01T10:00:02.118Z WARN  blocked request to https://cdn.example/x.js
//   2025-03-01T10:00:09.540Z ERROR uncaught exception: Error: boom
// Writes are synchronous so that an entry written just before a crash is on disk. A logger never throws.

export type LogLevel = 'INFO' | 'WARN' | 'ERROR';

export interface Logger {
  info(message: string): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

/** The part of node:fs the logger uses (injected so tests need no disk). */
export interface LogFs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  appendFileSync(path: string, data: string): void;
  statSync(path: string, options: { throwIfNoEntry: false }): { size: number } | undefined;
  renameSync(oldPath: string, newPath: string): void;
}

export interface FileLoggerOptions {
  fs: LogFs;
  /** Absolute path of main.log. */
  filePath: string;
  /** Folder of filePath (created on first use). */
  directory: string;
  now?: () => Date;
  /** At start, a log bigger than this is moved to `<file>.old` so the log cannot grow without end. */
  maxBytes?: number;
  /** Also echo to the console (development). */
  echo?: (line: string) => void;
}

const DEFAULT_MAX_LOG_BYTES = 5 * 1024 * 1024;
const MAX_MESSAGE_CHARS = 4000;

export function describeError(detail: unknown): string {
  if (detail instanceof Error) return detail.stack ?? `${detail.name}: ${detail.message}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail) ?? String(detail);
  } catch {
    return String(detail);
  }
}

export function formatLogLine(at: Date, level: LogLevel, message: string, detail?: unknown): string {
  let text = message;
  if (detail !== undefined) text += `: ${describeError(detail)}`;
  if (text.length > MAX_MESSAGE_CHARS) text = `${text.slice(0, MAX_MESSAGE_CHARS)}… (${text.length} chars)`;
  // Continuation lines (stack frames) are indented so every entry starts with a timestamp.
  const body = text.replace(/\r?\n/g, '\n    ');
  return `${at.toISOString()} ${level.padEnd(5)} ${body}\n`;
}

export function createFileLogger(options: FileLoggerOptions): Logger {
  const { fs, filePath, directory } = options;
  const now = options.now ?? (() => new Date());
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  let prepared = false;

  const prepare = (): void => {
    prepared = true;
    fs.mkdirSync(directory, { recursive: true });
    const size = fs.statSync(filePath, { throwIfNoEntry: false })?.size ?? 0;
    if (size > maxBytes) fs.renameSync(filePath, `${filePath}.old`);
  };

  const write = (level: LogLevel, message: string, detail?: unknown): void => {
    const line = formatLogLine(now(), level, message, detail);
    options.echo?.(line.trimEnd());
    try {
      if (!prepared) prepare();
      fs.appendFileSync(filePath, line);
    } catch {
      // A full disk or a read-only profile must not take the app down with it.
    }
  };

  return {
    info: (message) => write('INFO', message),
    warn: (message, detail) => write('WARN', message, detail),
    error: (message, detail) => write('ERROR', message, detail),
  };
}

/** A logger that keeps entries in memory: for tests and for code paths before the log file is known. */
export function createMemoryLogger(): Logger & { readonly lines: string[] } {
  const lines: string[] = [];
  const push = (level: LogLevel, message: string, detail?: unknown): void => {
    lines.push(formatLogLine(new Date(0), level, message, detail).trimEnd());
  };
  return {
    lines,
    info: (message) => push('INFO', message),
    warn: (message, detail) => push('WARN', message, detail),
    error: (message, detail) => push('ERROR', message, detail),
  };
}
