// The "Problems" list: every finding of the current task (and of the config), rule id first; the count
// for the whole file beside it. Clicking one selects its region and scrolls the pane to the line.
// Only the rows in view are in the DOM (VirtualList): a file may have 100,000 findings.

import { useMemo } from 'react';
import type { Finding } from '../../core';
import { trailingCommaFix } from '../../core/text/syntaxFixes';
import { useStore } from '../../store/store';
import { likeCount } from './fixGroups';
import { VirtualList } from './VirtualList';

function regionKeyOf(f: Finding, tasks: unknown[]): string | null {
  if (f.task === null || f.prediction === null || f.result === null) return null;
  const res = (tasks[f.task] as { predictions?: { result?: Record<string, unknown>[] }[] } | undefined)?.predictions?.[f.prediction]?.result?.[f.result];
  if (!res || typeof res !== 'object') return null;
  return typeof res.id === 'string' || typeof res.id === 'number' ? String(res.id) : `#${f.result}`;
}

export function ProblemsPanel() {
  const project = useStore((s) => s.project);
  const taskIndex = useStore((s) => s.taskIndex);
  const selectPrediction = useStore((s) => s.selectPrediction);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const selectRegion = useStore((s) => s.selectRegion);
  const revealInPane = useStore((s) => s.revealInPane);
  const applyFix = useStore((s) => s.applyFix);
  const applyFixAll = useStore((s) => s.applyFixAll);
  const changeText = useStore((s) => s.changeText);
  const all = project.findings;
  const mine = useMemo(() => all.filter((f) => f.source === 'config' || f.task === taskIndex || f.task === null), [all, taskIndex]);
  const tasks = project.doc.tasks;
  // While the worker checks a big file: this task's findings may not be in yet.
  const checking = project.checking;
  const taskPending = !!checking && taskIndex >= checking.done && !checking.touched.has(taskIndex);

  const open = (f: Finding) => {
    if (f.source === 'tasks' && f.prediction !== null && f.prediction !== predictionIndex) selectPrediction(f.prediction);
    const key = f.source === 'tasks' ? regionKeyOf(f, tasks) : null;
    if (key) selectRegion(key);
    if (f.offset >= 0) revealInPane(f.source, f.offset);
  };

  return (
    <section className="panel" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        Problems{' '}
        <span className="count" title="findings in the whole file: errors, warnings and infos">
          {project.summary.errors + project.summary.warnings + project.summary.infos} in the file ({project.summary.errors} error{project.summary.errors === 1 ? '' : 's'}, {project.summary.warnings} warning{project.summary.warnings === 1 ? '' : 's'}, {project.summary.infos} info{project.summary.infos === 1 ? '' : 's'}){checking ? ' so far' : ''}
        </span>
      </h2>
      <VirtualList
        items={mine}
        label="Problems"
        className="problem-list"
        boxClassName="problems-box"
        // A finding has no id; its place and rule tell it from its neighbours well enough to keep a measured height.
        itemKey={(f, i) => `${i}:${f.rule}:${f.source}:${f.offset}`}
        estimate={80}
        renderRow={(f, i, row) => {
          const like = likeCount(all, f);
          // JSON that does not parse has no paths to edit: its one-click fix is a text change.
          const textFix = f.rule === 'json-syntax' && f.source === 'tasks' ? trailingCommaFix(project.tasksText, f.offset) : null;
          return (
            <li key={`${i}:${f.rule}:${f.source}:${f.offset}`} {...row} className={`problem ${f.severity}`}>
              <button type="button" onClick={() => open(f)}>
                <span className="rule">{f.rule}</span> <span className="message">{f.message}</span>
                <span className="where">
                  {' '}
                  {f.source === 'config' ? project.configName : project.tasksName}:{f.line}:{f.column}
                </span>
              </button>
              {textFix && (
                <div className="fixes">
                  <button type="button" onClick={() => changeText('tasks', [textFix], 'Remove a trailing comma')}>
                    Fix: Remove the trailing comma
                  </button>
                </div>
              )}
              {f.fix && (
                <div className="fixes">
                  <button type="button" onClick={() => applyFix(f)}>
                    Fix: {f.fix.title}
                  </button>
                  {like > 1 && (
                    <button type="button" onClick={() => applyFixAll(f)}>
                      Fix all {like} like this
                    </button>
                  )}
                </div>
              )}
            </li>
          );
        }}
      />
      {mine.length === 0 && <p className="muted panel-empty">{taskPending ? 'This task is still being checked…' : 'No problems in this task.'}</p>}
    </section>
  );
}
