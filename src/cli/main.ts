// The command line: commander wiring, options and exit codes. The work is in ./extract.ts.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { FORMAT_NAMES, type FormatName } from '../format/names.js';
import { isCalendarDay, isValid } from '../normalize/dates.js';
import { FACT_TYPES, LANGS, type FactType, type SupportedLang } from '../types.js';
import { parseBytes } from '../io/inputs.js';
import { EXIT, UsageError, WriteError, reportInternal, say } from './errors.js';
import { escapeControls } from '../text/controls.js';
import { endQuietlyWhenStdoutCloses } from './output.js';

const EXAMPLES = `
Examples:
  $ diplo extract seeds/                                 a table of facts per document
  $ diplo extract seeds/ --format json | jq '.documents[].facts[] | select(.type == "money") | .value'
  $ diplo extract seeds/ --format jsonl | jq -r 'select(.type == "leader") | .value.id' | sort | uniq -c
  $ diplo extract seeds/ --format csv --bom --output facts.csv     for a spreadsheet (Excel reads the BOM)
  $ diplo extract article.txt --type money,percent --format jsonl
  $ diplo report seeds/ --output report.html                       facts marked in the texts, in a browser
  $ diplo events seeds/ --since 2025-11                            one timeline of events across documents and languages
  $ curl -s https://example.org/news.txt | diplo extract - --lang kk --date 2025-11-17

Exit codes: 0 every input read; 1 an input could not be read (named on stderr, the rest processed);
2 bad usage; 3 internal error (DIPLO_DEBUG=1 prints details); 4 the output could not be written
(no space left, an I/O error). A reader that stops early (| head) ends the run with its code so far.`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Edit distance between two short words (insertions, deletions, substitutions, transpositions). */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** The choice a mistyped word most likely meant: a prefix of one, or one or two edits away. */
export function nearest(value: string, choices: readonly string[]): string | null {
  const v = value.toLowerCase();
  const prefixed = choices.filter((c) => v.length >= 2 && c.startsWith(v));
  if (prefixed.length === 1) return prefixed[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of choices) {
    const d = distance(v, c);
    if (d < bestDistance) (best = c), (bestDistance = d);
  }
  return bestDistance <= Math.max(1, Math.min(2, Math.floor(best!.length / 3))) ? best : null;
}

/** One of `choices`, in any case; a word that is none of them is an error that suggests the nearest. */
function choice<T extends string>(what: string, choices: readonly T[], value: string): T {
  const v = value.trim().toLowerCase();
  if ((choices as readonly string[]).includes(v)) return v as T;
  const near = nearest(v, choices);
  const hint = near ? `; did you mean ${near}?` : '';
  throw new InvalidArgumentError(`unknown ${what} ${value}${hint} (choose from ${choices.join(', ')})`);
}

function parseTypes(value: string): FactType[] {
  const types = value.split(',').map((t) => t.trim()).filter(Boolean);
  if (types.length === 0) throw new InvalidArgumentError(`unknown type (none); choose from ${FACT_TYPES.join(', ')}`);
  return [...new Set(types.map((t) => choice('type', FACT_TYPES, t)))];
}

const parseLang = (value: string): SupportedLang => choice('language', LANGS, value);
const parseFormat = (value: string): FormatName => choice('format', FORMAT_NAMES, value);

/** The format an output file's extension names (`facts.csv` → csv), if any. */
export function formatOfFile(file: string | undefined): FormatName | undefined {
  const ext = /\.([a-z]+)$/i.exec(file ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'json' || ext === 'jsonl') return ext;
  if (ext === 'ndjson') return 'jsonl';
  return undefined;
}

/** `--date`: a real calendar day, YYYY-MM-DD. */
function parseDate(value: string): string {
  if (!isCalendarDay(value.trim())) {
    throw new InvalidArgumentError('give a calendar date as YYYY-MM-DD, e.g. 2025-11-17');
  }
  return value.trim();
}

const EVENTS_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
const parseEventsFormat = (value: string) => choice('format', EVENTS_FORMATS, value);

/** `--since`/`--until`: YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date. */
function parsePartialDate(value: string): string {
  const v = value.trim();
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v);
  if (!m || !isValid({ y: Number(m[1]), m: Number(m[2] ?? 1), d: Number(m[3] ?? 1) })) {
    throw new InvalidArgumentError('give a date as YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2025-11');
  }
  return v;
}

function parseSize(value: string): number {
  const n = parseBytes(value);
  if (n === null) throw new InvalidArgumentError('give a size such as 500MB, 2GB or 64K (units of 1024)');
  return n;
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('give a whole number from 1 to 256');
  return n;
}

export function buildProgram(): Command {
  const program = new Command('diplo')
    .description('Extract money figures, percentages, dates, leaders and projects from diplomatic news (ru, kk, en).')
    .version(version(), '-V, --version', 'print the version')
    .exitOverride()
    // commander's messages repeat what was typed: control characters in it are shown escaped
    .configureOutput({ writeErr: (s) => process.stderr.write(escapeControls(s, true)) })
    .showHelpAfterError('(see diplo --help)')
    .addHelpText('after', EXAMPLES);

  program
    .command('extract')
    .description('extract facts from text files, directories (every *.txt, sorted) or - for stdin')
    .argument('<path...>', 'files, directories or - (stdin)')
    .option('-f, --format <format>', `output format: ${FORMAT_NAMES.join(', ')} (default: table, or the --output file's extension)`, parseFormat)
    .option('-o, --output <file>', 'write to FILE instead of stdout (replaced when complete; never one of the inputs)')
    .option('-t, --type <types>', `only these fact types, comma-separated (${FACT_TYPES.join(',')})`, parseTypes)
    .option('-l, --lang <lang>', `skip detection and read every input as this language (${LANGS.join(', ')})`, parseLang)
    .option('--date <YYYY-MM-DD>', "the date of documents that state none (no date header or dateline), stdin included: relative dates resolve against it", parseDate)
    .option('--bom', 'start CSV output with a UTF-8 byte-order mark (for Excel)')
    .option('-j, --jobs <n>', 'worker threads for large runs (default and most: the number of cores)', parseJobs)
    .option('--max-size <size>', 'read no input past this size, e.g. 500MB, 2GB (default: 1GB)', parseSize)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts) => {
      opts.format ??= formatOfFile(opts.output) ?? 'table';
      if (opts.bom && opts.format !== 'csv') throw new UsageError(`--bom is for CSV output only (the format is ${opts.format})`);
      const { runExtract } = await import('./extract.js');
      process.exitCode = await runExtract(paths, opts);
    });

  program
    .command('report')
    .description('write one self-contained HTML page with the texts and their facts marked, to read and check')
    .argument('<path...>', 'files, directories, https:// URLs or - (stdin)')
    .requiredOption('-o, --output <file>', 'the HTML file to write')
    .option('-t, --type <types>', `only these fact types, comma-separated (${FACT_TYPES.join(',')})`, parseTypes)
    .option('-l, --lang <lang>', `skip detection and read every input as this language (${LANGS.join(', ')})`, parseLang)
    .option('-q, --quiet', 'nothing on stderr but errors')
    .addHelpText('after', '\nExample:\n  $ diplo report seeds/ --output report.html')
    .action(async (paths: string[], opts) => {
      const { runReport } = await import('./report.js');
      process.exitCode = await runReport(paths, { ...opts, generator: `diplo ${version()}` });
    });

  program
    .command('events')
    .description('one record per real-world event across all inputs and languages: a timeline')
    .argument('<path...>', 'files, directories, https:// URLs or - (stdin)')
    .option('-f, --format <format>', `output format: ${EVENTS_FORMATS.join(', ')} (default: table, or the --output file's extension)`, parseEventsFormat)
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .option('--since <date>', 'only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD); undated events are left out', parsePartialDate)
    .option('--until <date>', 'only events on or before this date (YYYY, YYYY-MM or YYYY-MM-DD); undated events are left out', parsePartialDate)
    .option('-l, --lang <lang>', `skip detection and read every input as this language (${LANGS.join(', ')})`, parseLang)
    .option('--date <YYYY-MM-DD>', 'the date of documents that state none: relative dates resolve against it', parseDate)
    .option('-q, --quiet', 'nothing on stderr but errors')
    .addHelpText('after', '\nExamples:\n  $ diplo events seeds/\n  $ diplo events news/ --since 2025-11 --format jsonl')
    .action(async (paths: string[], opts) => {
      const ext = formatOfFile(opts.output);
      opts.format ??= ext === 'json' || ext === 'jsonl' || ext === 'csv' ? ext : 'table';
      const { runEvents } = await import('./events.js');
      process.exitCode = await runEvents(paths, opts);
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  endQuietlyWhenStdoutCloses();
  const program = buildProgram();
  if (argv.length <= 2) {
    program.outputHelp({ error: true });
    process.exitCode = EXIT.usage;
    return;
  }
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code);
      process.exitCode = ok ? EXIT.ok : EXIT.usage;
    } else if (e instanceof UsageError) {
      say(e.message);
      process.exitCode = EXIT.usage;
    } else if (e instanceof WriteError) {
      say(e.message);
      process.exitCode = EXIT.write;
    } else {
      reportInternal(e);
      process.exitCode = EXIT.internal;
    }
  }
}
