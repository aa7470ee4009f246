// The `prelabel` command line: validate tasks files against a labeling config, print findings, set the exit code.

import { readFileSync } from 'node:fs';
import { parseConfig, parseTasks, rules, validate } from '../core';
import '../core/text/parse5';
import type { Finding } from '../core';
import { configFromFile } from '../core/config/template';
import { IMPORT_USAGE, ImportUsageError, runImport } from './import';
import { rulesMarkdown } from './rulesTable';

const USAGE = `Usage:
  prelabel validate --config CONFIG.xml TASKS.json [MORE.json ...] [--format text|json]
  prelabel rules [--markdown]
${IMPORT_USAGE}

Checks Label Studio tasks (their "predictions") against a labeling config.
TASKS files may be a JSON list of tasks, one task object, or JSON Lines.
import turns YOLO txt, COCO JSON or Pascal VOC XML into tasks with one prediction per image on the
config's controls (or on a generated config written beside --out), then checks them as validate does.

Exit status: 0 no errors, 1 errors found, 2 could not run (missing file, bad arguments).`;

class UsageError extends Error {}

interface Args {
  config: string;
  files: string[];
  format: 'text' | 'json';
}

function parseArgs(argv: string[]): Args {
  let config: string | undefined;
  let format: 'text' | 'json' = 'text';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const valueOf = (name: string) => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value.`);
      return v;
    };
    if (a === '--config' || a === '-c' || a.startsWith('--config=')) config = valueOf('--config');
    else if (a === '--format' || a === '-f' || a.startsWith('--format=')) {
      const f = valueOf('--format');
      if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}".`);
      format = f;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`Unknown option ${a}.`);
    else files.push(a);
  }
  if (!config) throw new UsageError('--config CONFIG.xml is required.');
  if (!files.length) throw new UsageError('Give at least one tasks file.');
  return { config, files, format };
}

function read(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `No such file: ${path}` : code === 'EISDIR' ? `${path} is a directory, not a file.` : `Cannot read ${path}: ${(e as Error).message}`);
  }
}

/** Output goes out in pieces about this big: any number of findings, without one giant string. */
const PIECE = 64 * 1024;

/** Collects lines and hands them to `out` a piece at a time (each call ends a line). */
class PieceWriter {
  private lines: string[] = [];
  private size = 0;

  constructor(private readonly out: (s: string) => void) {}

  line(s: string): void {
    this.lines.push(s);
    this.size += s.length + 1;
    if (this.size >= PIECE) this.flush();
  }

  flush(): void {
    if (!this.lines.length) return;
    this.out(this.lines.join('\n'));
    this.lines = [];
    this.size = 0;
  }
}

/** One finding as a JSON line; a fix too big to write (it should not happen) is left out rather than failing the run. */
function findingJson(f: Finding, file: string): string {
  const o: Record<string, unknown> = { rule: f.rule, severity: f.severity, task: f.task, prediction: f.prediction, result: f.result, file, line: f.line, column: f.column, message: f.message };
  if (f.suggestion !== undefined) o.suggestion = f.suggestion;
  if (f.fix) o.fix = f.fix;
  try {
    return JSON.stringify(o);
  } catch {
    delete o.fix;
    return JSON.stringify(o);
  }
}

function runValidate(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv);
  // A Label Studio template (config.yml) is read for its config; the config's findings point into the YAML.
  const configFile = configFromFile(read(args.config), args.config);
  const configText = configFile.config;
  // Read every file first: a missing one stops the run before anything is printed.
  const texts = args.files.map((f) => [f, read(f)] as const);
  const config = parseConfig(configText);
  const summary = { tasks: 0, predictions: 0, results: 0, errors: 0, warnings: 0, infos: 0 };
  const writer = new PieceWriter(out);
  const json = args.format === 'json';
  let first = true;
  const emit = (f: Finding, file: string) => {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
    if (!json) writer.line(`${file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
    else {
      writer.line(`${first ? '' : ','}${findingJson(f, file)}`);
      first = false;
    }
  };
  // Findings are written file by file as they are found, so the summary comes last.
  if (json) writer.line('{"findings": [');
  for (const f of config.findings) emit({ ...f, ...configFile.place(f.line, f.column) }, args.config);
  const bare = { ...config, findings: [] };
  for (const [file, text] of texts) {
    const report = validate(bare, parseTasks(text));
    for (const f of report.findings) emit(f, file);
    summary.tasks += report.summary.tasks;
    summary.predictions += report.summary.predictions;
    summary.results += report.summary.results;
  }
  if (json) {
    writer.line(`], "summary": ${JSON.stringify(summary)}}`);
  } else {
    const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    writer.line(`${plural(summary.tasks, 'task')}, ${plural(summary.predictions, 'prediction')}, ${plural(summary.results, 'result')}: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info.`);
  }
  writer.flush();
  return summary.errors > 0 ? 1 : 0;
}

export function main(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s + '\n'), err: (s: string) => void = (s) => process.stderr.write(s + '\n')): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'validate') return runValidate(rest, out);
    if (command === 'import') return runImport(rest, out, err);
    if (command === 'rules') {
      out(rest.includes('--markdown') ? rulesMarkdown() : rules.map((r) => `${r.id.padEnd(22)} ${r.severity.padEnd(8)} ${r.doc}`).join('\n'));
      return 0;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      out(USAGE);
      return 0;
    }
    throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  } catch (e) {
    if (e instanceof UsageError || e instanceof ImportUsageError) {
      err(`prelabel: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    err(`prelabel: internal error: ${(e as Error).stack ?? e}`);
    return 2;
  }
}
