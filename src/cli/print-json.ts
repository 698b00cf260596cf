// JSON output of the CLI, exactly as shared/spec/cli-contract.md describes it.
import type { ParsedFile } from '../core/index';

export interface ParseOutput {
  files: { path: string; format: string; status: string; warnings: ParsedFile['warnings']; data: unknown }[];
}

export function parseOutput(files: readonly ParsedFile[]): ParseOutput {
  return {
    files: files.map((f) => ({ path: f.path, format: f.formatId, status: f.status, warnings: f.warnings, data: f.data })),
  };
}

export function toJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
