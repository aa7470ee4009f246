// The session in the browser's IndexedDB: texts, file names, the undo history, what was last exported, the
// position, and the dropped images, saved as the person works and restored after a reload or a crash. The
// tasks text is written whole only now and then (the base); in between, the session keeps the changes made
// since, so saving after an edit costs what the edit changed, not the size of the file.

import { parseTasks, textPieces } from '../core/tasks/parse';
import { decodeText } from '../core/text/decode';
import { updateTasks } from '../core/tasks/update';
import { changesSize, type TextChange } from '../core/text/changes';
import { reserveVersions } from '../store/project';
import { useStore, type HistoryEntry, type TextStep } from '../store/store';

const DB = 'prelabel';
const STORE = 'session';

/** The session as it is stored (lists of many changes packed). */
interface StoredSession extends Omit<SavedSession, 'log' | 'past' | 'future'> {
  log: StoredChanges[];
  past: StoredEntry[];
  future: StoredEntry[];
}

export interface SavedSession {
  configText: string;
  configName: string;
  tasksName: string;
  /** Which base record holds the tasks text the changes in `log` apply to. */
  baseId: number;
  /** Changes of the tasks text since the base, in order. */
  log: TextChange[][];
  tasksVersion: number;
  savedVersion: number;
  taskIndex: number;
  predictionIndex: number;
  /** The undo and redo stacks (changes and their inverses), so Undo still works after a reload. */
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Dropped images as blobs, sample images as URLs. */
  images: { name: string; blob?: Blob; url?: string }[];
  savedAt: number;
}

/** The tasks text, or the opened file it was read from (stored by reference: no copy of the text on this thread). */
interface SavedBase {
  id: number;
  text?: string;
  /** The text as parts that join to it (a text in pieces is not joined into one string to be saved). */
  pieces?: string[];
  file?: Blob;
  name?: string;
}

/**
 * Many changes as the session stores them: their offsets in typed arrays and their inserted texts joined.
 * Lock all at 100,000 boxes is an entry of 100,000 changes and as many inverses; stored as objects, each
 * save after it spent ~130 ms cloning them on the page (profile), as typed arrays and one string ~1 ms.
 */
interface PackedChanges {
  packed: 1;
  from: Int32Array;
  to: Int32Array;
  /** Where each change's insert ends in `inserts`. */
  ends: Int32Array;
  inserts: string;
}
type StoredChanges = TextChange[] | PackedChanges;
type StoredStep = Omit<TextStep, 'changes' | 'inverse'> & { changes: StoredChanges; inverse: StoredChanges };
type StoredEntry = Omit<HistoryEntry, 'config' | 'tasks'> & { config?: StoredStep; tasks?: StoredStep };

/** Lists of changes shorter than this are stored as they are. */
const PACK_FROM = 256;
/** The packed form of each list of changes saved (a list is saved again on every save while it is kept). */
const packed = new WeakMap<readonly TextChange[], PackedChanges>();

export function packChanges(changes: TextChange[]): StoredChanges {
  if (changes.length < PACK_FROM) return changes;
  let p = packed.get(changes);
  if (p) return p;
  const n = changes.length;
  p = { packed: 1, from: new Int32Array(n), to: new Int32Array(n), ends: new Int32Array(n), inserts: '' };
  const parts: string[] = new Array(n);
  let end = 0;
  for (let i = 0; i < n; i++) {
    const c = changes[i];
    p.from[i] = c.from;
    p.to[i] = c.to;
    end += c.insert.length;
    p.ends[i] = end;
    parts[i] = c.insert;
  }
  p.inserts = parts.join('');
  packed.set(changes, p);
  return p;
}

export function unpackChanges(stored: StoredChanges): TextChange[] {
  if (Array.isArray(stored)) return stored;
  const out: TextChange[] = new Array(stored.from.length);
  let start = 0;
  for (let i = 0; i < out.length; i++) {
    const end = stored.ends[i];
    out[i] = { from: stored.from[i], to: stored.to[i], insert: stored.inserts.slice(start, end) };
    start = end;
  }
  return out;
}

const packStep = (st: TextStep | undefined): StoredStep | undefined => st && { ...st, changes: packChanges(st.changes), inverse: packChanges(st.inverse) };
const unpackStep = (st: StoredStep | undefined): TextStep | undefined => st && { ...st, changes: unpackChanges(st.changes), inverse: unpackChanges(st.inverse) };
const packEntry = (e: HistoryEntry): StoredEntry => ({ ...e, config: packStep(e.config), tasks: packStep(e.tasks) });
const unpackEntry = (e: StoredEntry): HistoryEntry => {
  const out: HistoryEntry = { ...e, config: unpackStep(e.config), tasks: unpackStep(e.tasks) };
  if (!out.config) delete out.config;
  if (!out.tasks) delete out.tasks;
  return out;
};

/** Changes kept before the tasks text is written whole again. */
const LOG_LIMIT = 100;
/** History kept in the session, newest first, up to this many characters of changes. */
const HISTORY_LIMIT = 2_000_000;

/**
 * The newest history entries that fit the limit: opening a big file is an entry holding the whole file, and
 * writing it on every save would cost its size each time; after a reload such an opening cannot be undone.
 */
function recent(entries: readonly HistoryEntry[], newestLast: boolean): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  let size = 0;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[newestLast ? entries.length - 1 - i : i];
    size += (e.tasks ? changesSize(e.tasks.changes) + changesSize(e.tasks.inverse) : 0) + (e.config ? changesSize(e.config.changes) + changesSize(e.config.inverse) : 0);
    if (size > HISTORY_LIMIT) break;
    out.push(e);
  }
  return newestLast ? out.reverse() : out;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 2);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function put(records: [string, unknown][]): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    for (const [key, value] of records) tx.objectStore(STORE).put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function get<T>(key: string): Promise<T | undefined> {
  const db = await open();
  const value = await new Promise<T | undefined>((resolve, reject) => {
    const req = db.transaction(STORE).objectStore(STORE).get(key);
    req.onsuccess = () => resolve(req.result as T | undefined);
    req.onerror = () => reject(req.error);
  });
  db.close();
  return value;
}

/** The saved session with its tasks text rebuilt (base plus changes), or null. */
export async function loadSession(): Promise<(SavedSession & { tasksText: string; source?: { blob: Blob; name: string } }) | null> {
  try {
    const stored = await get<StoredSession>('current');
    if (!stored || stored.configText === undefined || stored.baseId === undefined) return null;
    const value: SavedSession = { ...stored, log: stored.log.map(unpackChanges), past: stored.past.map(unpackEntry), future: stored.future.map(unpackEntry) };
    const base = await get<SavedBase>('base');
    if (!base || base.id !== value.baseId) return null;
    const text = base.text ?? base.pieces?.join('') ?? (base.file ? decodeText(new Uint8Array(await base.file.arrayBuffer()), base.name ?? 'tasks').text : undefined);
    if (text === undefined) return null;
    let doc = parseTasks(text);
    for (const changes of value.log) doc = updateTasks(doc, changes).doc;
    // The file is still what the text is when nothing changed since: the next base is the file again.
    const source = base.file && !value.log.length ? { blob: base.file, name: base.name ?? 'tasks' } : undefined;
    return { ...value, tasksText: doc.text, ...(source ? { source } : {}) };
  } catch {
    return null;
  }
}

/** Blobs of dropped images by object URL, so that they can be saved. */
export const imageBlobs = new Map<string, Blob>();

/** Restore a saved session into the store; returns false when there is none. */
export async function restoreSession(): Promise<boolean> {
  const saved = await loadSession();
  if (!saved || (!saved.configText && saved.tasksText === '[]')) return false;
  const images = new Map<string, string>();
  for (const img of saved.images) {
    if (img.blob) {
      const url = URL.createObjectURL(img.blob);
      imageBlobs.set(url, img.blob);
      images.set(img.name, url);
    } else if (img.url) images.set(img.name, img.url);
  }
  // Version numbers of the saved history stay meaningful: new ones start above them.
  const seen = [saved.tasksVersion, saved.savedVersion, ...[...saved.past, ...saved.future].flatMap((e) => (e.versions ? [e.versions.before, e.versions.after] : []))];
  reserveVersions(Math.max(0, ...seen));
  const s = useStore.getState();
  s.loadProject(saved.configText, saved.tasksText, { config: saved.configName, tasks: saved.tasksName }, images, { history: saved.past, future: saved.future, savedVersion: saved.savedVersion, version: saved.tasksVersion, ...(saved.source ? { source: saved.source } : {}) });
  s.selectTask(saved.taskIndex);
  s.selectPrediction(saved.predictionIndex);
  s.setNotice(`Restored your session from ${new Date(saved.savedAt).toLocaleString()}.`);
  return true;
}

/** Save on every change, after a short pause. Returns the unsubscribe function. */
export function keepSessionSaved(): () => void {
  let timer: number | undefined;
  let baseId = 0;
  /** The tasks version the base plus the log stand for. */
  let logged = -1;
  let log: TextChange[][] = [];
  let baseDue = true;

  const save = () => {
    const s = useStore.getState();
    if (!s.project.configText && s.project.doc.length <= 2 && s.project.tasksText === '[]') return;
    const records: [string, unknown][] = [];
    if (baseDue || log.length > LOG_LIMIT) {
      baseId++;
      const source = s.tasksSource?.version === s.project.tasksVersion ? s.tasksSource : null;
      records.push(['base', (source ? { id: baseId, file: source.blob, name: source.name } : { id: baseId, pieces: textPieces(s.project.doc) }) satisfies SavedBase]);
      log = [];
      logged = s.project.tasksVersion;
      baseDue = false;
    }
    const images = [...s.images].map(([name, url]) => (imageBlobs.has(url) ? { name, blob: imageBlobs.get(url) } : { name, url }));
    const current: StoredSession = {
      configText: s.project.configText,
      configName: s.project.configName,
      tasksName: s.project.tasksName,
      baseId,
      log: log.map(packChanges),
      tasksVersion: s.project.tasksVersion,
      savedVersion: s.savedVersion,
      taskIndex: s.taskIndex,
      predictionIndex: s.predictionIndex,
      past: recent(s.past, true).map(packEntry),
      future: recent(s.future, true).map(packEntry),
      images,
      savedAt: Date.now(),
    };
    records.push(['current', current]);
    void put(records)
      .then(() => {
        // Which version is safely stored: a person's reload after this keeps it (the browser tests wait for it).
        document.documentElement.dataset.sessionSaved = String(current.tasksVersion);
      })
      .catch(() => s.setNotice('Your work could not be saved in this browser (storage full or blocked): export it to keep it.'));
  };
  const unsubscribe = useStore.subscribe((state, prev) => {
    const p = state.project;
    if (p.tasksVersion !== prev.project.tasksVersion) {
      // A change of the version the log stands for is logged; anything else (files opened) writes the base again.
      if (!baseDue && p.tasksChange && p.tasksChange.base === logged) {
        log = [...log, [...p.tasksChange.changes]];
        logged = p.tasksVersion;
      } else baseDue = true;
    }
    if (p === prev.project && state.images === prev.images && state.taskIndex === prev.taskIndex && state.predictionIndex === prev.predictionIndex && state.savedVersion === prev.savedVersion && state.past === prev.past) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 400);
  });
  return unsubscribe;
}
