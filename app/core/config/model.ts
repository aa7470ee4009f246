// The labeling config as prelabel understands it: object tags, control tags, their options and positions.

import type { Finding } from '../finding';

export interface SourcePos {
  /** UTF-16 offset of the tag's '<' in the config text. */
  offset: number;
  line: number;
  column: number;
}

export interface ObjectTag extends SourcePos {
  name: string;
  /** Canonical tag name, e.g. 'Image'. */
  tag: string;
  /** Lower-cased tag, e.g. 'image'. */
  type: string;
  /** The raw `value` attribute, e.g. '$image'. */
  value: string | null;
  /** The task data key the value reads, e.g. 'image'; null for literal values. */
  variable: string | null;
  valueType: string | null;
  attrs: Record<string, string>;
  /** Inside a <Repeater>: the name holds the index flag and matches many names. */
  namePattern: RegExp | null;
}

export interface LabelOption extends SourcePos {
  value: string;
  alias: string | null;
  background: string | null;
  /** The `hotkey` attribute as written (keymaster spelling: "c", "ctrl+1", "a,b"), or null. */
  hotkey: string | null;
  /** How many regions (or answers) of one prediction may carry it (`maxUsages` on the option or its control); null: no limit. */
  maxUsages: number | null;
  /** Taxonomy: nested choices. */
  children: LabelOption[];
}

export interface ControlTag extends SourcePos {
  name: string;
  tag: string;
  type: string;
  /** Result types this control writes. */
  resultTypes: string[];
  toName: string[];
  attrs: Record<string, string>;
  /** Labels / choices / relation labels, in config order (Taxonomy: top level of the tree). */
  options: LabelOption[];
  /** Every option by value and by alias (Taxonomy: every node at any depth). */
  optionSet: Map<string, LabelOption>;
  /** Labels come from task data (`value="$..."`) or a remote API: any label is acceptable. */
  dynamicOptions: boolean;
  /** Choices: 'single' allows one choice. */
  choice: string;
  perRegion: boolean;
  maxRating: number;
  min: number | null;
  max: number | null;
  namePattern: RegExp | null;
}

export interface ConfigModel {
  text: string;
  /** Object tags by name (names with a Repeater index flag are in `objectPatterns` too). */
  objects: Map<string, ObjectTag>;
  controls: Map<string, ControlTag>;
  objectPatterns: ObjectTag[];
  controlPatterns: ControlTag[];
  /** The <Relations> tag (named or not): its <Relation> labels are the allowed relation labels. */
  relations: ControlTag | null;
  findings: Finding[];
  /** False when the config did not parse: validation of tasks against it is skipped. */
  ok: boolean;
}

export function findControl(model: ConfigModel, name: string): ControlTag | undefined {
  return model.controls.get(name) ?? model.controlPatterns.find((c) => c.namePattern!.test(name));
}

export function findObject(model: ConfigModel, name: string): ObjectTag | undefined {
  return model.objects.get(name) ?? model.objectPatterns.find((o) => o.namePattern!.test(name));
}

/** Does control `control` point at object `name` (directly or through a Repeater pattern)? */
export function controlTargets(control: ControlTag, name: string, model: ConfigModel): boolean {
  // Pairwise results name the Pairwise tag itself as to_name (FORMAT-NOTES §7).
  if (name === control.name && (control.tag === 'Pairwise' || control.tag === 'ReactCode' || control.tag === 'Chat')) return true;
  for (const t of control.toName) {
    if (t === name) return true;
    const obj = findObject(model, t);
    if (obj?.namePattern && obj.namePattern.test(name)) return true;
  }
  return false;
}
