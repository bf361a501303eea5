// `diplo events`: the event facts of every input (as `diplo extract` finds them), merged across
// documents and languages into one record per real-world event (../events/across.ts), written as
// a timeline table, JSON, JSON Lines or CSV. Records are only known once every input is read, so
// the output is written at the end; documents are read one at a time and only their events kept.
import { cell } from '../format/csv.js';
import { wrapAtCommas } from '../format/table.js';
import { writeFileSync } from 'node:fs';
import { describe } from '../io/inputs.js';
import { extractDocument } from '../pipeline.js';
import { eventsAcross, withinDates, type EventRecord } from '../events/across.js';
import { documentTraits } from '../events/traits.js';
import { escapeControls } from '../text/controls.js';
import type { Fact, SupportedLang } from '../types.js';
import { EXIT, UsageError, say } from './errors.js';
import { forEachWhole } from './whole.js';

export type EventsFormat = 'table' | 'json' | 'jsonl' | 'csv';

export interface EventsCliOptions {
  format: EventsFormat;
  output?: string;
  since?: string;
  until?: string;
  lang?: SupportedLang;
  date?: string;
  quiet?: boolean;
}

export async function runEvents(paths: string[], opts: EventsCliOptions): Promise<number> {
  const facts: Fact[] = [];
  const traits = new Map<string, Set<string>>();
  const run = await forEachWhole(paths, opts.quiet, (name, read) => {
    const result = extractDocument(name, read.text, { lang: opts.lang, date: opts.date, docDate: read.date ?? null });
    const before = facts.length;
    for (const f of result.facts) if (f.type === 'event') facts.push(f);
    // Only a document with events is compared with others.
    if (facts.length > before) traits.set(name, documentTraits(result.facts, result.text ?? read.text, result.lang === 'und' ? null : result.lang));
  });

  const records = eventsAcross(facts, traits).filter((r) => withinDates(r, opts.since, opts.until));
  const out = formatEvents(records, opts.format, opts.output ? Infinity : process.stdout.columns ?? 120);
  if (opts.output) {
    try {
      writeFileSync(opts.output, out);
    } catch (e) {
      throw new UsageError(`cannot write --output ${opts.output}: ${describe(e)}`);
    }
    if (!opts.quiet) say(`wrote ${opts.output}: ${run.documents} documents, ${records.length} events`);
  } else {
    process.stdout.write(out);
  }
  return run.failed ? EXIT.inputs : EXIT.ok;
}

/** `width`: the terminal's, which the timeline's lines fit. */
export function formatEvents(records: readonly EventRecord[], format: EventsFormat, width = Infinity): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ events: records }, null, 2) + '\n';
    case 'jsonl':
      return records.map((r) => JSON.stringify(r) + '\n').join('');
    case 'csv':
      return csv(records);
    default:
      return table(records, width);
  }
}

const dateOf = (r: EventRecord) => r.date?.iso ?? (r.date?.startIso ? `${r.date.startIso}/${r.date.endIso}` : '');

const CSV_COLUMNS = ['id', 'date', 'kind', 'status', 'level', 'place', 'place_country', 'participants', 'participant_ids', 'countries', 'documents', 'count', 'sources', 'docs', 'langs', 'conflicts'] as const;

function csv(records: readonly EventRecord[]): string {
  const rows = records.map((r) => [
    r.id,
    dateOf(r),
    r.kind,
    r.status,
    r.level ?? '',
    r.place?.name ?? '',
    r.place?.country ?? '',
    r.participants.map((p) => p.name).join(';'),
    r.participants.map((p) => p.id).join(';'),
    r.countries.join(';'),
    (r.documents ?? []).join(';'),
    r.count ?? '',
    r.sources.length,
    [...new Set(r.sources.map((s) => s.doc))].join(';'),
    [...new Set(r.sources.map((s) => s.lang))].join(';'),
    r.conflicts ? JSON.stringify(r.conflicts) : '',
  ]);
  return [CSV_COLUMNS as readonly unknown[], ...rows].map((row) => row.map(cell).join(',') + '\r\n').join('');
}

/** A timeline: one block per event, by date, with its sources below it. */
function table(records: readonly EventRecord[], width: number): string {
  if (records.length === 0) return 'no events\n';
  const lines: string[] = [];
  for (const r of records) {
    const who = r.participants.map((p) => p.name).join(', ') || r.countries.join(', ');
    const kind = [r.level, r.kind, r.status === 'planned' && '(planned)'].filter(Boolean).join(' ');
    const head = [dateOf(r) || 'undated', kind, r.place?.name ?? '', who].filter(Boolean);
    const line = escapeControls(head.join('  ·  '));
    // Wider than the terminal: the persons go below, indented, cut after their commas.
    if (line.length <= width || !who) lines.push(line);
    else lines.push(escapeControls(head.slice(0, -1).join('  ·  ')), ...wrapAtCommas(escapeControls(who), width - 4).split('\n').map((l) => `    ${l}`));
    if (r.documents?.length) lines.push(escapeControls(`    documents: ${r.documents.join('; ')}`));
    if (r.conflicts?.date) lines.push(`    dates disagree: ${r.conflicts.date.join(', ')}`);
    if (r.conflicts?.place) lines.push(escapeControls(`    places disagree: ${r.conflicts.place.join(', ')}`));
    for (const s of r.sources) lines.push(escapeControls(`    ${s.lang}  ${s.doc}:${s.start}-${s.end}  ${s.text}`));
  }
  return lines.join('\n') + '\n';
}
