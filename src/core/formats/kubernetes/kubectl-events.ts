// `kubectl get events` (any version's columns), the Events section of `kubectl describe`, or bare
// event lines copied from either. Sample:
//   Events:
//     Type     Reason   Age   From            Message
//     Warning  Evicted  18m   kubelet, mgt04  The node was low on resource: ephemeral-storage. …
import type { FormatDefinition, ParseContext, ParseResult, ParseWarning } from '../format';
import { warning } from '../format';
import { headLines } from '../text/lines';
import { readHeader } from '../text/columns';
import { readEvents } from './kubectl-text';
import { contentLines } from '../text/pasted';
import type { KubeEvent } from './pod-model';

export interface KubectlEventsData {
  events: KubeEvent[];
}

export function parseKubectlEvents(source: string, _ctx: ParseContext): ParseResult<KubectlEventsData> {
  const { lines, wrapperLines } = contentLines(source);
  const { events, headerFound } = readEvents(lines);
  const warnings: ParseWarning[] = [];
  if (events.length === 0) {
    return { status: 'unusable', warnings: [warning('no-events', headerFound ? 'The events table has no rows.' : 'No event rows (Normal/Warning …) found.')] };
  }
  if (!headerFound) warnings.push(warning('events-without-header', 'Event lines without their header: columns were inferred (age and source may be missing).', events[0]?.line));
  if (wrapperLines > 0) warnings.push(warning('wrapper-lines-skipped', `${wrapperLines} line(s) of decoration around the output (tool header, prompt, stdout:) were skipped.`, undefined, { count: wrapperLines }));
  return { status: headerFound ? 'parsed' : 'partial', value: { events }, warnings };
}

export function detectKubectlEvents(head: string): number {
  let header = false;
  let rows = 0;
  let describeKeys = 0;
  for (const line of headLines(head, 300)) {
    const names = readHeader(line).map((c) => c.name.toUpperCase());
    if ((names.includes('TYPE') && names.includes('REASON') && names.includes('MESSAGE')) || (names.includes('REASON') && names.includes('OBJECT') && names.includes('MESSAGE'))) header = true;
    else if (/(?:^|\s)(?:Normal|Warning)\s+[A-Z][A-Za-z]+\s+\S/.test(line)) rows++;
    else if (/^(Name|Containers|Capacity|Allocatable|QoS Class|Namespace):/.test(line) || /^\s+(State|Last State|Restart Count):/.test(line)) describeKeys++;
  }
  // A whole `describe` has an Events table too: leave it to the describe formats.
  if (describeKeys >= 2) return 0;
  if (header && rows > 0) return 0.9;
  if (header) return 0.6;
  if (rows > 0) return 0.65;
  return 0;
}

export const kubectlEventsFormat: FormatDefinition<KubectlEventsData> = {
  id: 'kubectl-events',
  area: 'kubernetes',
  detect: (head) => detectKubectlEvents(head),
  parse: parseKubectlEvents,
};
