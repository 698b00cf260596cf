// Decoration people paste around a command's output, shared by the text formats: a tool wrapper's
// JSON header line, `stdout:`/`stderr:`, Markdown fences, shell prompts with the command, and
// `[ ... lines removed for clarity ...]` markers. Sample:
//   {"toolset_name":"kubernetes/core","tool_name":"kubectl_describe", …}
//   stdout:
//   [root@master01 ~]# kubectl get po
import { splitLines } from './lines';

export interface TextLine {
  text: string;
  /** 1-based line in the file. */
  number: number;
}

// A shell prompt (`$ `, `# `, `[root@host ~]# `) before one of the commands whose output we read.
const PROMPT = /^(?:\$|#|\[[^\]]{1,200}\][#$])\s*(?:sudo\s+)?(?:kubectl|oc|k|docker|crictl|nerdctl|podman|curl|cat|jcmd|fincore|pcstat|hcache|vmtouch|ls|\.\/[\w.-]+)(?:\s|$)/;

/** Whether a line is decoration around the output rather than output. */
export function isWrapperLine(text: string): boolean {
  const t = text.trim();
  if (t === 'stdout:' || t === 'stderr:' || t === '```' || t.startsWith('```')) return true;
  if (t.startsWith('{"') && t.endsWith('}')) return true;
  if (t.startsWith('[ ...') || t.startsWith('[...')) return true;
  return PROMPT.test(t);
}

/** The file's lines with wrapper lines blanked (numbers keep pointing into the file). */
export function contentLines(source: string): { lines: TextLine[]; wrapperLines: number } {
  let wrapperLines = 0;
  const lines = splitLines(source).map((raw, k) => {
    const text = raw.replace(/\t/g, '    ').trimEnd();
    if (isWrapperLine(text)) {
      wrapperLines++;
      return { text: '', number: k + 1 };
    }
    return { text, number: k + 1 };
  });
  return { lines, wrapperLines };
}

