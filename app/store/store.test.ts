// Store commands and the project analysis, without a browser.

import { beforeEach, describe, expect, test } from 'vitest';
import { guideExamples } from '../testing/shared';
import { analyze } from './project';
import { useStore } from './store';

const examples = Object.fromEntries(guideExamples().map((e) => [e.id, e]));

describe('analyze: the last good state survives a half-typed file', () => {
  test('a config that stops parsing keeps the last good one for the preview, and reports its own error', () => {
    const good = analyze(null, examples.bbox.config, examples.bbox.tasks);
    expect(good.stale).toEqual({ config: false, tasks: false });
    const broken = analyze(good, examples.bbox.config.replace('</View>', ''), examples.bbox.tasks);
    expect(broken.goodConfig).toBe(good.config);
    expect(broken.stale.config).toBe(true);
    expect(broken.findings.map((f) => f.rule)).toEqual(['xml-syntax']);
  });

  test('tasks that stop parsing keep the last good document; only the syntax error is reported', () => {
    const good = analyze(null, examples.shapes.config, examples.shapes.tasks);
    expect(good.findings.map((f) => f.rule)).toEqual(['type-mismatch']);
    const broken = analyze(good, examples.shapes.config, examples.shapes.tasks.slice(0, 200));
    expect(broken.goodDoc).toBe(good.doc);
    expect(broken.stale.tasks).toBe(true);
    expect(broken.findings.map((f) => f.rule)).toEqual(['json-syntax']);
    expect(broken.summary.errors).toBe(1);
  });

  test('an unchanged text is not parsed again', () => {
    const a = analyze(null, examples.ner.config, examples.ner.tasks);
    const b = analyze(a, examples.ner.config, examples.ner.tasks.replace('"one"', '"uno"'));
    expect(b.config).toBe(a.config);
    expect(b.doc).not.toBe(a.doc);
  });
});

describe('store commands', () => {
  beforeEach(() => {
    useStore.getState().loadProject(examples.ner.config, examples.ner.tasks, { config: 'ner.xml', tasks: 'ner.json' });
  });

  test('loadProject resets navigation and names the files', () => {
    const s = useStore.getState();
    expect([s.taskIndex, s.predictionIndex, s.selected]).toEqual([0, 0, null]);
    expect(s.project.tasksName).toBe('ner.json');
    expect(s.project.summary.tasks).toBe(2);
  });

  test('selectTask clamps to the tasks there are; selectPrediction to the predictions of the task', () => {
    useStore.getState().selectTask(7);
    expect(useStore.getState().taskIndex).toBe(1);
    useStore.getState().selectTask(-3);
    expect(useStore.getState().taskIndex).toBe(0);
    useStore.getState().selectPrediction(5);
    expect(useStore.getState().predictionIndex).toBe(1);
  });

  test('selecting a task clears the selection and the revealed hidden regions', () => {
    useStore.getState().selectRegion('abc');
    useStore.getState().toggleRevealed('abc');
    useStore.getState().selectTask(1);
    expect(useStore.getState().selected).toBeNull();
    expect(useStore.getState().revealed.size).toBe(0);
  });

  test('toggleRevealed shows and hides again', () => {
    useStore.getState().toggleRevealed('x');
    expect(useStore.getState().revealed.has('x')).toBe(true);
    useStore.getState().toggleRevealed('x');
    expect(useStore.getState().revealed.has('x')).toBe(false);
  });

  test('nextTaskWithProblems goes to the next task with an error or warning, or says there is none', () => {
    useStore.getState().nextTaskWithProblems();
    expect(useStore.getState().notice).toBe('No task has problems.');
    const broken = examples.ner.tasks.replace('"text": " Each journal', '"txt": " Each journal');
    useStore.getState().setTasksText(broken);
    useStore.getState().nextTaskWithProblems();
    expect(useStore.getState().taskIndex).toBe(1);
  });

  test('typing a tasks text that does not parse keeps the current task shown', () => {
    useStore.getState().selectTask(1);
    useStore.getState().setTasksText('[{"data": ');
    const s = useStore.getState();
    expect(s.taskIndex).toBe(1);
    expect(s.project.goodDoc?.tasks).toHaveLength(2);
  });
});
