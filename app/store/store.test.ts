// Store commands and the project analysis, without a browser.

import { beforeEach, describe, expect, test } from 'vitest';
import { guideExamples } from '../testing/shared';
import { parseConfig } from '../core/config/parse';
import { parseTasks } from '../core/tasks/parse';
import { validateTask } from '../core/validate/validate';
import { analyze, changeTasks, installReports, withCheckOptions } from './project';
import { editChanges } from '../core/textEdits';
import { validate } from '../core/validate/validate';
import { packReports, unpackReports } from './reportWire';
import { parse, parseFragment } from 'parse5';
import { setHtmlParser } from '../core/text/htmlParser';
import { htmlParserLoaded, useStore } from './store';

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

describe('image sizes: brush masks without original_width/height are checked at the loaded image', () => {
  // A 2x2 mask with pixels 0 and 3 painted (see core/validate/rules.test.ts).
  const MASK_2x2 = [0, 0, 0, 16, 57, 27, 252, 127, 243, 128, 71, 254];
  const config = '<View><Image name="image" value="$image"/><BrushLabels name="seg" toName="image"><Label value="Road"/></BrushLabels></View>';
  const mask = { id: 'm', from_name: 'seg', to_name: 'image', type: 'brushlabels', value: { format: 'rle', rle: MASK_2x2, brushlabels: ['Road'] } };
  const tasks = JSON.stringify([
    { data: { image: 'a.png' }, predictions: [{ model_version: 'm', result: [mask] }] },
    { data: { image: 'b.png' }, predictions: [{ model_version: 'm', result: [{ ...mask, original_width: 2, original_height: 2 }] }] },
  ]);
  const maskFindings = () => useStore.getState().project.findings.filter((f) => f.rule === 'rle-invalid');

  beforeEach(() => {
    useStore.getState().loadProject(config, tasks, { config: 'seg.xml', tasks: 'seg.json' });
  });

  test('the warning gets its fix once the image is loaded; applying it clears the warning, and undo brings it back with the fix', () => {
    expect(maskFindings().map((f) => [f.task, f.severity, !!f.fix])).toEqual([[0, 'warning', false]]);
    useStore.getState().setImageSize('a.png', 2, 2);
    const [f] = maskFindings();
    expect(f.fix?.title).toBe('Add original_width 2 and original_height 2 (the loaded image)');
    useStore.getState().applyFix(f);
    expect(maskFindings()).toEqual([]);
    expect(JSON.parse(useStore.getState().project.tasksText)[0].predictions[0].result[0]).toMatchObject({ original_width: 2, original_height: 2 });
    useStore.getState().undo();
    expect(maskFindings().map((f) => [f.task, !!f.fix])).toEqual([[0, true]]);
  });

  test('an image whose size does not fit the mask: an error; the same size again changes nothing', () => {
    useStore.getState().setImageSize('a.png', 3, 3);
    expect(maskFindings().map((f) => [f.task, f.severity])).toEqual([[0, 'error']]);
    const project = useStore.getState().project;
    useStore.getState().setImageSize('a.png', 3, 3);
    expect(useStore.getState().project).toBe(project);
  });

  test('the sizes stay known through edits of the tasks and opening the file again', () => {
    useStore.getState().setImageSize('a.png', 2, 2);
    useStore.getState().changeText('tasks', [{ from: 0, to: 0, insert: ' ' }]);
    expect(maskFindings()[0].fix).toBeDefined();
    useStore.getState().loadProject(config, tasks, { config: 'seg.xml', tasks: 'seg.json' });
    expect(maskFindings()[0].fix).toBeDefined();
  });
});

describe('a worker check that started before an image loaded', () => {
  const MASK_2x2 = [0, 0, 0, 16, 57, 27, 252, 127, 243, 128, 71, 254];
  const config = '<View><Image name="image" value="$image"/><BrushLabels name="seg" toName="image"><Label value="Road"/></BrushLabels></View>';
  const mask = { id: 'm', from_name: 'seg', to_name: 'image', type: 'brushlabels', value: { format: 'rle', rle: MASK_2x2, brushlabels: ['Road'] } };
  const tasks = JSON.stringify([{ data: { image: 'a.png' }, predictions: [] }, { data: { image: 'a.png' }, predictions: [{ model_version: 'm', result: [mask] }] }]);

  test("its reports of tasks not yet in get the image's size (and the fix) when they arrive", () => {
    // The worker's report of task 1, made without the image size (as the worker would).
    const workerReport = validateTask(parseConfig(config), parseTasks(tasks), 1);
    expect(workerReport.findings.filter((f) => f.rule === 'rle-invalid').map((f) => !!f.fix)).toEqual([false]);
    let project = analyze(null, config, tasks, {}, false, 7);
    expect(project.checking?.id).toBe(7);
    // The image loads while the worker is still on the file.
    project = withCheckOptions(project, { imageSizes: new Map([['a.png', { width: 2, height: 2 }]]) });
    project = installReports(project, 7, 0, [validateTask(parseConfig(config), parseTasks(tasks), 0), workerReport]);
    expect(project.checking).toBeNull();
    const [f] = project.findings.filter((g) => g.rule === 'rle-invalid');
    expect(f.fix?.title).toBe('Add original_width 2 and original_height 2 (the loaded image)');
  });
});

describe("a worker's report of a big task that moved before it arrived", () => {
  const config = '<View><Image name="img" value="$image"/><RectangleLabels name="label" toName="img"><Label value="Car"/></RectangleLabels></View>';
  const result = Array.from({ length: 700 }, (_, r) => ({ id: `r${r}`, from_name: 'label', to_name: 'img', type: 'rectanglelabels', value: { x: r % 90, y: 1, width: 5, height: 5, rectanglelabels: [r % 7 ? 'Car' : 'Bus'] } }));
  const tasks = JSON.stringify([{ data: { image: 'a.png' }, predictions: [] }, { data: { image: 'b.png' }, predictions: [{ model_version: 'm', result }] }], null, 2);

  test('an edit inside it afterwards places the findings it keeps where a fresh check does', () => {
    // The worker checks the text as opened; meanwhile the person edits task 0 (task 1 moves down two lines).
    const workerDoc = parseTasks(tasks);
    const transfer: ArrayBuffer[] = [];
    const wire = packReports([0, 1].map((t) => { const { regionMaps: _m, ...r } = validateTask(parseConfig(config), workerDoc, t); return r; }), transfer);
    let project = analyze(null, config, tasks, {}, false, 11);
    project = changeTasks(project, editChanges(project.doc, [{ task: 0, path: ['meta'], value: { note: 'moved', more: [1, 2] } }]));
    project = installReports(project, 11, 0, unpackReports(structuredClone(wire, { transfer })));
    expect(project.checking).toBeNull();
    const fresh = () => validate(parseConfig(config), parseTasks(project.doc.text)).findings.map((f) => [f.result, f.offset, f.line, f.column]);
    const mine = () => project.findings.filter((f) => f.source === 'tasks').map((f) => [f.result, f.offset, f.line, f.column]);
    expect(mine()).toEqual(fresh());
    // One result of the big task changes: the other 699 keep the findings the worker made for them.
    project = changeTasks(project, editChanges(project.doc, [{ task: 1, path: ['predictions', 0, 'result', 3, 'value', 'x'], value: 12 }]));
    expect(mine().length).toBe(100);
    expect(mine()).toEqual(fresh());
  });
});

describe("the worker's line starts", () => {
  const config = examples.bbox.config;
  const tasks = JSON.stringify([...JSON.parse(examples.bbox.tasks), ...JSON.parse(examples.bbox.tasks)].map((t, i) => ({ ...t, id: i + 1 })), null, 2);
  const workerSide = () => {
    const doc = parseTasks(tasks);
    const reports = doc.tasks.map((_, t) => validateTask(parseConfig(config), doc, t));
    // Built there for a finding's position (this file has none; the index is built as a finding would).
    expect(doc.lines.transferable()).toBeNull();
    doc.lines.position(tasks.length);
    return { reports, lines: doc.lines.transferable()! };
  };

  test('are taken for the text the worker read: every position is where a scan of the text puts it', () => {
    const { reports, lines } = workerSide();
    expect(lines.length).toBe(tasks.split('\n').length);
    const project = installReports(analyze(null, config, tasks, {}, false, 9), 9, 0, reports, lines);
    const scanned = parseTasks(tasks).lines;
    for (let offset = 0; offset <= tasks.length; offset += 37) expect(project.doc.lines.position(offset)).toEqual(scanned.position(offset));
    expect(project.findings).toEqual(analyze(null, config, tasks).findings);
  });

  test('are not taken for a text edited since the check started (its lines are its own)', () => {
    const { reports, lines } = workerSide();
    const started = analyze(null, config, tasks, {}, false, 9);
    useStore.setState({ project: started });
    // Lines added inside the first task: the others move down three lines; the check goes on.
    const at = tasks.indexOf('"data"');
    useStore.getState().changeText('tasks', [{ from: at, to: at, insert: '\n\n\n' }]);
    expect(useStore.getState().project.checking?.id).toBe(9);
    const project = installReports(useStore.getState().project, 9, 0, reports, lines);
    const text = project.tasksText;
    const scanned = parseTasks(text).lines;
    for (let offset = 0; offset <= text.length; offset += 37) expect(project.doc.lines.position(offset)).toEqual(scanned.position(offset));
  });
});

describe('HyperText: the HTML parser is loaded when a config has a <HyperText>, and the tasks are checked again with it', () => {
  test('a span past the end of its text node is found once the parser has loaded', async () => {
    const config = '<View><HyperText name="html" value="$html"/><HyperTextLabels name="ner" toName="html"><Label value="PER"/></HyperTextLabels></View>';
    const tasks = JSON.stringify([{ data: { html: '<p>short</p>' }, predictions: [{ model_version: 'm', result: [{ id: 's', from_name: 'ner', to_name: 'html', type: 'hypertextlabels', value: { start: '/p[1]/text()[1]', end: '/p[1]/text()[1]', startOffset: 0, endOffset: 9, hypertextlabels: ['PER'] } }] }] }]);
    setHtmlParser(null);
    try {
      useStore.getState().loadProject(config, tasks, { config: 'ht.xml', tasks: 'ht.json' });
      expect(useStore.getState().project.findings).toEqual([]);
      await htmlParserLoaded();
      expect(useStore.getState().project.findings.map((f) => [f.rule, f.message.slice(0, 40)])).toEqual([['span-out-of-range', '/p[1]/text()[1] has 5 characters; endOff']]);
    } finally {
      setHtmlParser({ parse, parseFragment });
    }
  });
});
