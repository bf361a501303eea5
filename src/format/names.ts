// The output formats' names, apart from the formatters, so that parsing the command line does
// not load chalk and cli-table3 (`diplo --version` stays quick).
export const FORMAT_NAMES = ['table', 'json', 'jsonl', 'csv'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
