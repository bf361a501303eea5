// The command line: commander wiring, options and exit codes. The work is in ./extract.ts.
import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { FORMAT_NAMES } from '../format/names.js';
import { FACT_TYPES, LANGS, type FactType } from '../types.js';
import { EXIT, UsageError, reportInternal } from './errors.js';
import { endQuietlyWhenStdoutCloses } from './output.js';

const EXAMPLES = `
Examples:
  $ diplo extract seeds/                                 a table of facts per document
  $ diplo extract seeds/ --format json | jq '.documents[].facts[] | select(.type == "money") | .value'
  $ diplo extract seeds/ --format jsonl | jq -r 'select(.type == "leader") | .value.id' | sort | uniq -c
  $ diplo extract seeds/ --format csv --bom --output facts.csv     for a spreadsheet (Excel reads the BOM)
  $ diplo extract article.txt --type money,percent --format jsonl
  $ diplo report seeds/ --output report.html                       facts marked in the texts, in a browser
  $ curl -s https://example.org/news.txt | diplo extract - --lang kk

Exit codes: 0 every input read; 1 an input could not be read (named on stderr, the rest processed);
2 bad usage; 3 internal error (DIPLO_DEBUG=1 prints details).`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function parseTypes(value: string): FactType[] {
  const types = value.split(',').map((t) => t.trim()).filter(Boolean);
  const unknown = types.filter((t) => !(FACT_TYPES as readonly string[]).includes(t));
  if (unknown.length || types.length === 0) {
    throw new InvalidArgumentError(`unknown type ${unknown.join(', ') || '(none)'}; choose from ${FACT_TYPES.join(', ')}`);
  }
  return types as FactType[];
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
    .showHelpAfterError('(see diplo --help)')
    .addHelpText('after', EXAMPLES);

  program
    .command('extract')
    .description('extract facts from text files, directories (every *.txt, sorted) or - for stdin')
    .argument('<path...>', 'files, directories or - (stdin)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMAT_NAMES).default('table'))
    .option('-o, --output <file>', 'write to FILE instead of stdout')
    .option('-t, --type <types>', `only these fact types, comma-separated (${FACT_TYPES.join(',')})`, parseTypes)
    .addOption(new Option('-l, --lang <lang>', 'skip detection and read every input as this language').choices([...LANGS]))
    .option('--bom', 'start CSV output with a UTF-8 byte-order mark (for Excel)')
    .option('-j, --jobs <n>', 'worker threads for large runs (default: the number of cores)', parseJobs)
    .option('-q, --quiet', 'no progress line on stderr')
    .addHelpText('after', EXAMPLES)
    .action(async (paths: string[], opts) => {
      const { runExtract } = await import('./extract.js');
      process.exitCode = await runExtract(paths, opts);
    });

  program
    .command('report')
    .description('write one self-contained HTML page with the texts and their facts marked, to read and check')
    .argument('<path...>', 'files, directories, https:// URLs or - (stdin)')
    .requiredOption('-o, --output <file>', 'the HTML file to write')
    .option('-t, --type <types>', `only these fact types, comma-separated (${FACT_TYPES.join(',')})`, parseTypes)
    .addOption(new Option('-l, --lang <lang>', 'skip detection and read every input as this language').choices([...LANGS]))
    .option('-q, --quiet', 'nothing on stderr but errors')
    .addHelpText('after', '\nExample:\n  $ diplo report seeds/ --output report.html')
    .action(async (paths: string[], opts) => {
      const { runReport } = await import('./report.js');
      process.exitCode = await runReport(paths, { ...opts, generator: `diplo ${version()}` });
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
      console.error(`diplo: ${e.message}`);
      process.exitCode = EXIT.usage;
    } else {
      reportInternal(e);
      process.exitCode = EXIT.internal;
    }
  }
}
