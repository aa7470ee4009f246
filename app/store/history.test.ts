// Undo as changes: history entries hold what an action changed and its inverse, undo and redo go through
// the incremental path and give back the texts byte for byte, and opening files is one undo step.

import { beforeEach, describe, expect, test } from 'vitest';
import { parseConfig, parseTasks, validate } from '../core';
import type { RegionView } from '../core/preview';
import { predictionView } from '../core/preview';
import { guideExamples } from '../testing/shared';
import { analyze } from './project';
import { useStore } from './store';

const examples = Object.fromEntries(guideExamples().map((e) => [e.id, e]));

const CONFIG = '<View><Image name="img" value="$image"/><RectangleLabels name="label" toName="img"><Label value="Car"/><Label value="Bus"/></RectangleLabels></View>';
function boxes(tasks: number, perTask: number, stale = false) {
  return JSON.stringify(
    Array.from({ length: tasks }, (_, t) => ({
      data: { image: `/img/${t}.png` },
      predictions: [
        {
          model_version: 'm',
          result: Array.from({ length: perTask }, (_, r) => ({
            id: `t${t}r${r}`,
            from_name: stale && r === 0 ? 'labelz' : 'label',
            to_name: 'img',
            type: 'rectanglelabels',
            original_width: 100,
            original_height: 100,
            value: { x: r % 90, y: 1, width: 5, height: 5, rotation: 0, rectanglelabels: ['Car'] },
          })),
        },
      ],
    })),
    null,
    2,
  );
}

const state = () => useStore.getState();
const regionsOf = (t = state().taskIndex): RegionView[] => predictionView(state().project.goodConfig, state().project.goodDoc!.tasks[t], t, 0, state().project.findings).regions;
/** The findings a full parse and validation of the current texts gives. */
const fullFindings = () => validate(parseConfig(state().project.configText), parseTasks(state().project.tasksText)).findings;

describe('history entries are changes', () => {
  beforeEach(() => state().loadProject(CONFIG, boxes(50, 20), { config: 'c.xml', tasks: 't.json' }));

  test('a nudge keeps a few characters in the history, and undo/redo restore the bytes', () => {
    const before = state().project.tasksText;
    const region = regionsOf()[3];
    state().moveRegion(region, { x: 42.5 });
    const after = state().project.tasksText;
    expect(after).not.toBe(before);
    const entry = state().past[state().past.length - 1];
    expect(JSON.stringify(entry).length).toBeLessThan(500);
    expect('configText' in entry || 'tasksText' in entry).toBe(false);
    state().undo();
    expect(state().project.tasksText).toBe(before);
    state().redo();
    expect(state().project.tasksText).toBe(after);
    expect(state().project.findings).toEqual(fullFindings());
  });

  test('an edit in one task re-checks that task only: the other tasks keep their reports', () => {
    const reportsBefore = state().project.analysis!.reports;
    const tasksBefore = state().project.doc.tasks;
    state().selectTask(7);
    state().moveRegion(regionsOf()[0], { y: 9 });
    const reports = state().project.analysis!.reports;
    expect(reports[7]).not.toBe(reportsBefore[7]);
    for (const t of [0, 6, 8, 49]) expect(reports[t].findings).toEqual(reportsBefore[t].findings);
    expect(reports[3]).toBe(reportsBefore[3]);
    // Untouched tasks keep their parsed values: the same objects, not parsed again.
    expect(state().project.doc.tasks[8]).toBe(tasksBefore[8]);
    expect(state().project.doc.tasks[7]).not.toBe(tasksBefore[7]);
  });
});

describe('bulk edits in one pass', () => {
  test('lock all 10,000 regions of a task, then undo: one step, text restored, findings as a full check', () => {
    state().loadProject(CONFIG, boxes(1, 10000), {});
    const before = state().project.tasksText;
    const regions = regionsOf(0);
    const steps = state().past.length;
    state().setFlagMany(regions, 'readonly', true, 'all regions');
    const locked = parseTasks(state().project.tasksText).tasks[0] as { predictions: { result: { readonly?: boolean }[] }[] };
    expect(locked.predictions[0].result.every((r) => r.readonly === true)).toBe(true);
    expect(state().past).toHaveLength(steps + 1);
    state().undo();
    expect(state().project.tasksText).toBe(before);
  });

  test('fix all 200 stale from_names: one step, no error left', () => {
    state().loadProject(CONFIG, boxes(200, 5, true), {});
    const stale = state().project.findings.filter((f) => f.rule === 'unknown-from-name');
    expect(stale).toHaveLength(200);
    const steps = state().past.length;
    state().applyFixAll(stale[0]);
    expect(state().project.findings.filter((f) => f.rule === 'unknown-from-name')).toHaveLength(0);
    expect(state().project.findings).toEqual(fullFindings());
    expect(state().past).toHaveLength(steps + 1);
  });

  test('rejecting regions one after another, then undoing them all, gives back the file', () => {
    state().loadProject(CONFIG, boxes(3, 6), {});
    const before = state().project.tasksText;
    for (let k = 0; k < 4; k++) state().deleteRegion(regionsOf(0)[0]);
    expect(regionsOf(0)).toHaveLength(2);
    expect(state().project.findings).toEqual(fullFindings());
    for (let k = 0; k < 4; k++) state().undo();
    expect(state().project.tasksText).toBe(before);
  });
});

describe('opening files', () => {
  test('replacing edited texts is one undo step that brings the edits back', () => {
    state().loadProject(CONFIG, boxes(2, 2), { config: 'c.xml', tasks: 'a.json' });
    state().moveRegion(regionsOf(0)[0], { x: 12 });
    const edited = state().project.tasksText;
    state().loadProject(examples.ner.config, examples.ner.tasks, { config: 'ner.xml', tasks: 'ner.json' });
    expect(state().project.tasksName).toBe('ner.json');
    state().undo();
    expect(state().project.tasksText).toBe(edited);
    expect(state().project.configText).toBe(CONFIG);
    expect(state().project.tasksName).toBe('a.json');
    state().undo();
    expect(JSON.parse(state().project.tasksText)[0].predictions[0].result[0].value.x).toBe(0);
  });

  test("opening a file keeps only the old text in the history, not the file's; undo, redo, undo again restore both", () => {
    state().loadProject(CONFIG, boxes(2, 2), { config: 'c.xml', tasks: 'a.json' });
    const first = state().project.tasksText;
    const big = boxes(40, 30);
    state().loadProject(CONFIG, big, { config: 'c.xml', tasks: 'b.json' });
    const open = state().past[state().past.length - 1];
    // The step holds what the open replaced (the small file), not the big file it put in.
    expect(JSON.stringify(open).length).toBeLessThan(first.length + 1000);
    state().moveRegion(regionsOf(0)[0], { x: 33 });
    const edited = state().project.tasksText;
    state().undo();
    expect(state().project.tasksText).toBe(big);
    state().undo();
    expect(state().project.tasksText).toBe(first);
    expect(state().project.tasksName).toBe('a.json');
    state().redo();
    expect(state().project.tasksText).toBe(big);
    // Back in the past, the open lets go of the file's text again.
    expect(JSON.stringify(state().past[state().past.length - 1]).length).toBeLessThan(first.length + 1000);
    state().redo();
    expect(state().project.tasksText).toBe(edited);
    state().undo();
    state().undo();
    expect(state().project.tasksText).toBe(first);
    state().redo();
    state().redo();
    expect(state().project.tasksText).toBe(edited);
    expect(state().project.findings).toEqual(fullFindings());
  });

  test("a newly opened tasks file that does not parse does not show the previous file's tasks as its own", () => {
    state().loadProject(CONFIG, boxes(2, 2), { config: 'c.xml', tasks: 'a.json' });
    const broken = boxes(3, 2).replace('"model_version": "m",', '"model_version": "m",,');
    state().loadProject(CONFIG, broken, { config: 'c.xml', tasks: 'broken.json' });
    expect(state().project.goodDoc).toBeNull();
    expect(state().project.findings.map((f) => f.rule)).toContain('json-syntax');
    // Typing on from there, the last good tasks are those typed, not a.json's.
    state().changeText('tasks', [{ from: 0, to: 0, insert: ' ' }]);
    expect(state().project.goodDoc).toBeNull();
    // Editing a file that parses and breaking it while typing keeps the last good preview.
    state().loadProject(CONFIG, boxes(2, 2), { config: 'c.xml', tasks: 'a.json' });
    state().changeText('tasks', [{ from: 0, to: 1, insert: '' }]);
    expect(state().project.goodDoc?.tasks).toHaveLength(2);
  });

  test('a newly opened config that does not parse is not checked against the old one', () => {
    state().loadProject(examples.troubleshooting.config, examples.troubleshooting.tasks, {});
    expect(state().project.findings.some((f) => f.rule === 'unknown-from-name')).toBe(true);
    state().loadProject(CONFIG.replace('</View>', ''), boxes(1, 2, true), { config: 'broken.xml', tasks: 'b.json' });
    const p = state().project;
    expect(p.checkedAgainst).toBe('no-config');
    expect(p.findings[0].rule).toBe('xml-syntax');
    // Only findings that need no config: the stale from_name is not reported, and nothing offers a fix.
    expect(p.findings.some((f) => f.rule === 'unknown-from-name' || f.rule === 'unknown-label')).toBe(false);
    expect(p.findings.some((f) => f.fix)).toBe(false);
  });

  test('while the person edits the config in the pane, the last good config still checks the tasks', () => {
    const good = analyze(null, CONFIG, boxes(1, 2, true));
    const typing = analyze(good, CONFIG.replace('</View>', ''), good.tasksText);
    expect(typing.checkedAgainst).toBe('last-good');
    expect(typing.findings.some((f) => f.rule === 'unknown-from-name')).toBe(true);
  });
});
