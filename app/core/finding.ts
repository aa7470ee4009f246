// The Finding: what validation says about one place in the config or the tasks file.

export type Severity = 'error' | 'warning' | 'info';

/** A path inside one task, e.g. ['predictions', 0, 'result', 3, 'value', 'x']. */
export type JsonPath = (string | number)[];

/** One machine-applicable change to the tasks: set (or remove) the value at `path` in task `task`. */
export interface JsonEdit {
  task: number;
  path: JsonPath;
  value?: unknown;
  /** Remove the key or array element instead of setting it. */
  remove?: boolean;
  /** Rename the key at `path` to this name, keeping its value. */
  renameTo?: string;
}

export interface Fix {
  /** What applying it does, in words a person reads on a button. */
  title: string;
  edits: JsonEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** Which text the position refers to. */
  source: 'config' | 'tasks';
  task: number | null;
  prediction: number | null;
  result: number | null;
  /** 1-based line and column in the source text (0 when unknown). */
  line: number;
  column: number;
  /** UTF-16 offset in the source text, for editors; -1 when unknown. */
  offset: number;
  message: string;
  suggestion?: string;
  fix?: Fix;
  /** Where inside the task the finding points (for locating and for the UI). */
  path?: JsonPath;
}

export function countBySeverity(findings: readonly Finding[]): { errors: number; warnings: number; infos: number } {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of findings) {
    if (f.severity === 'error') errors++;
    else if (f.severity === 'warning') warnings++;
    else infos++;
  }
  return { errors, warnings, infos };
}
