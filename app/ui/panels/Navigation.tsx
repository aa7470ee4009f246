// Moving through the file: previous / next task, jump to a task number, next task with problems, and
// the prediction switcher showing each prediction's model_version and score.

import { useEffect, useRef, useState } from 'react';
import { currentTask, useStore } from '../../store/store';
import { SyntaxPlace, syntaxProblem } from '../tasksSyntax';

/** A prediction's model_version as the menus name it. */
function modelName(p: Record<string, unknown> | undefined): string {
  return typeof p?.model_version === 'string' || typeof p?.model_version === 'number' ? String(p.model_version) : 'no model_version';
}

/** The label of prediction i in the Prediction menu, whole. */
function predictionLabel(p: Record<string, unknown> | undefined, i: number): string {
  return `${i + 1}: ${modelName(p)}${typeof p?.score === 'number' ? ` (score ${p.score})` : ''}`;
}

export function Navigation() {
  const count = useStore((s) => s.project.goodDoc?.tasks.length ?? 0);
  const taskIndex = useStore((s) => s.taskIndex);
  const predictionIndex = useStore((s) => s.predictionIndex);
  const selectTask = useStore((s) => s.selectTask);
  const selectPrediction = useStore((s) => s.selectPrediction);
  const nextTaskWithProblems = useStore((s) => s.nextTaskWithProblems);
  const compareWith = useStore((s) => s.compareWith);
  const setCompareWith = useStore((s) => s.setCompareWith);
  const task = useStore(currentTask) as { predictions?: unknown } | undefined;
  const predictions = Array.isArray(task?.predictions) ? (task.predictions as Record<string, unknown>[]) : [];
  const [jump, setJump] = useState(String(taskIndex + 1));
  useEffect(() => setJump(String(taskIndex + 1)), [taskIndex]);
  const jumpBox = useRef<HTMLInputElement>(null);
  // No task to move through: the file does not parse (where, a click away), or it has none.
  const broken = useStore((s) => (s.project.goodDoc ? null : syntaxProblem(s.project.doc)));

  /** Says why the number typed was not taken, at the box (the browser's own bubble), until the next key. */
  const refuse = (message: string) => {
    const box = jumpBox.current;
    if (!box) return;
    box.setCustomValidity(message);
    box.reportValidity();
  };
  /** Enter: go to the task typed; a number out of range goes to the nearest task, anything else is not kept. */
  const go = () => {
    const typed = jump.trim();
    const current = String(taskIndex + 1);
    if (!/^[+-]?\d+$/.test(typed)) {
      setJump(current);
      refuse(`"${typed}" is not a task number: type one from 1 to ${count}.`);
      return;
    }
    const n = Number(typed);
    const to = Math.min(Math.max(n, 1), count);
    setJump(String(to));
    if (to !== n) refuse(count === 1 ? 'There is only task 1.' : `Task numbers go from 1 to ${count}: this is task ${to}.`);
    if (to - 1 !== taskIndex) selectTask(to - 1);
  };

  return (
    <nav className="navigation" aria-label="Tasks">
      <button type="button" onClick={() => selectTask(taskIndex - 1)} disabled={taskIndex <= 0} aria-label="Previous task" title="Previous task">
        ‹ Prev
      </button>
      {count === 0 ? (
        <span className="no-tasks" role="status">
          No tasks
          {broken && (
            <>
              : the file does not parse at <SyntaxPlace finding={broken} />
            </>
          )}
        </span>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            go();
          }}
        >
          <label>
            Task{' '}
            <input
              ref={jumpBox}
              aria-label="Task number"
              className="task-number"
              value={jump}
              inputMode="numeric"
              onChange={(e) => {
                e.target.setCustomValidity('');
                setJump(e.target.value);
              }}
              // Leaving the box, or Escape, keeps the task shown: what was typed and not entered goes.
              onBlur={(e) => {
                e.target.setCustomValidity('');
                setJump(String(taskIndex + 1));
              }}
              onKeyDown={(e) => {
                if (e.key !== 'Escape') return;
                e.currentTarget.setCustomValidity('');
                setJump(String(taskIndex + 1));
              }}
            />
          </label>{' '}
          <span className="muted">of {count}</span>
        </form>
      )}
      <button type="button" onClick={() => selectTask(taskIndex + 1)} disabled={taskIndex >= count - 1} aria-label="Next task" title="Next task">
        Next ›
      </button>
      <button type="button" onClick={nextTaskWithProblems} disabled={count === 0} aria-label="Next task with problems" title="Next task with problems">
        Next with problems
      </button>
      <label>
        <span className="wide-only">Prediction </span>
        {/* As wide as its longest label up to a limit, past which it ends in "…" (whole in the title): 10em cut
            "2: two (score 0.42)" short. */}
        <select aria-label="Prediction" className="prediction-select" value={predictionIndex} title={predictions.length ? predictionLabel(predictions[predictionIndex], predictionIndex) : undefined} onChange={(e) => selectPrediction(Number(e.target.value))} disabled={!predictions.length}>
          {predictions.length === 0 && <option value={0}>no predictions</option>}
          {predictions.map((p, i) => (
            <option key={i} value={i} title={predictionLabel(p, i)}>
              {i + 1}: {modelName(p)}
              {typeof p?.score === 'number' ? ` (score ${p.score})` : ''}
            </option>
          ))}
        </select>
      </label>
      {predictions.length > 1 && (
        <label>
          Compare with{' '}
          <select aria-label="Compare with" className="prediction-select" value={compareWith ?? ''} title={compareWith === null ? undefined : `${compareWith + 1}: ${modelName(predictions[compareWith])}`} onChange={(e) => setCompareWith(e.target.value === '' ? null : Number(e.target.value))}>
            <option value="">none</option>
            {predictions.map((p, i) =>
              i === predictionIndex ? null : (
                <option key={i} value={i} title={`${i + 1}: ${modelName(p)}`}>
                  {i + 1}: {modelName(p)}
                </option>
              ),
            )}
          </select>
        </label>
      )}
    </nav>
  );
}
