// The editing commands: their edits, one undo step each, and readonly refusing moves and deletes.

import { beforeEach, describe, expect, test } from 'vitest';
import { predictionView } from '../core/preview';
import { guideExamples } from '../testing/shared';
import { deleteRegionEdits, geometryEdits, predictionsToAnnotations } from './commands';
import { currentTask, useStore } from './store';

const examples = Object.fromEntries(guideExamples().map((e) => [e.id, e]));

function regionsNow() {
  const s = useStore.getState();
  return predictionView(s.project.goodConfig, currentTask(s), s.taskIndex, s.predictionIndex, s.project.findings).regions;
}

const tasksNow = () => JSON.parse(useStore.getState().project.tasksText);

describe('commands', () => {
  beforeEach(() => useStore.getState().loadProject(examples.ocr.config, examples.ocr.tasks, {}));

  test('moving an OCR region moves the box, its label and its transcription together', () => {
    const [bb1] = regionsNow();
    const edits = geometryEdits(currentTask(useStore.getState()), 0, 0, bb1, { x: 10, y: 20 });
    expect(edits.map((e) => e.path.slice(3).join('.'))).toEqual(['0.value.x', '0.value.y', '1.value.x', '1.value.y', '2.value.x', '2.value.y']);
    useStore.getState().moveRegion(bb1, { x: 10, y: 20 });
    const results = tasksNow().predictions[0].result;
    expect(results.map((r: { value: { x: number } }) => r.value.x)).toEqual([10, 10, 10]);
  });

  test('undo and redo step through whole commands', () => {
    const before = useStore.getState().project.tasksText;
    const [bb1] = regionsNow();
    useStore.getState().moveRegion(bb1, { x: 10 });
    const moved = useStore.getState().project.tasksText;
    useStore.getState().toggleFlag(regionsNow()[0], 'hidden');
    expect(tasksNow().predictions[0].result.every((r: { hidden: boolean }) => r.hidden === true)).toBe(true);
    useStore.getState().undo();
    expect(useStore.getState().project.tasksText).toBe(moved);
    useStore.getState().undo();
    expect(useStore.getState().project.tasksText).toBe(before);
    useStore.getState().redo();
    expect(useStore.getState().project.tasksText).toBe(moved);
  });

  test('a readonly region refuses to move or be deleted until unlocked', () => {
    useStore.getState().toggleFlag(regionsNow()[0], 'readonly');
    const locked = regionsNow()[0];
    expect(locked.readonly).toBe(true);
    const text = useStore.getState().project.tasksText;
    useStore.getState().moveRegion(locked, { x: 1 });
    useStore.getState().deleteRegion(locked);
    expect(useStore.getState().project.tasksText).toBe(text);
    expect(useStore.getState().notice).toMatch(/readonly/);
    useStore.getState().toggleFlag(locked, 'readonly');
    useStore.getState().deleteRegion(regionsNow()[0]);
    expect(tasksNow().predictions[0].result).toEqual([]);
  });

  test('typing in a pane is one undo step', () => {
    const before = useStore.getState().project.tasksText;
    useStore.getState().editText('tasks', before.replace('TOTAL', 'T0TAL'));
    useStore.getState().undo();
    expect(useStore.getState().project.tasksText).toBe(before);
  });

  test('a fix applies and says how many changes it made', () => {
    useStore.getState().loadProject(examples.troubleshooting.config, examples.troubleshooting.tasks, {});
    const f = useStore.getState().project.findings.find((x) => x.rule === 'unknown-from-name')!;
    useStore.getState().applyFix(f);
    expect(useStore.getState().project.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect(useStore.getState().notice).toMatch(/Set from_name to "label" \(1 change\)/);
  });

  test('edits are refused while the tasks text does not parse', () => {
    useStore.getState().editText('tasks', '[{');
    expect(useStore.getState().applyEdits([{ task: 0, path: ['x'], value: 1 }], 'Set x')).toBe(false);
    expect(useStore.getState().notice).toMatch(/does not parse/);
  });
});

test('deleting a region removes the relations to it', () => {
  const task = { predictions: [{ result: [{ id: 'a' }, { id: 'b' }, { type: 'relation', from_id: 'a', to_id: 'b' }] }] };
  const region = { id: 'a', results: [0] } as unknown as Parameters<typeof deleteRegionEdits>[3];
  expect(deleteRegionEdits(task, 0, 0, region).map((e) => e.path)).toEqual([
    ['predictions', 0, 'result', 0],
    ['predictions', 0, 'result', 2],
  ]);
});

test('predictions become annotations, existing annotations kept', () => {
  const edits = predictionsToAnnotations([{ data: {}, annotations: [{ result: [1] }], predictions: [{ model_version: 'm', result: [2] }] }, { data: {} }]);
  expect(edits).toEqual([
    { task: 0, path: ['annotations'], value: [{ result: [1] }, { result: [2], ground_truth: true, meta: { model_version: 'm' } }] },
    { task: 0, path: ['predictions'], value: [] },
  ]);
});
