// The session in the browser's IndexedDB: texts, file names, what was last exported, the position, and
// the dropped images, saved as the person works and restored after a reload or a crash.

import { useStore } from '../store/store';

const DB = 'prelabel';
const STORE = 'session';

export interface SavedSession {
  configText: string;
  tasksText: string;
  configName: string;
  tasksName: string;
  savedTasksText: string;
  taskIndex: number;
  predictionIndex: number;
  /** Dropped images as blobs, sample images as URLs. */
  images: { name: string; blob?: Blob; url?: string }[];
  savedAt: number;
}

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function put(value: SavedSession): Promise<void> {
  const db = await open();
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(STORE, 'readwrite');
    tx.objectStore(STORE).put(value, 'current');
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

export async function loadSession(): Promise<SavedSession | null> {
  try {
    const db = await open();
    const value = await new Promise<SavedSession | undefined>((resolve, reject) => {
      const req = db.transaction(STORE).objectStore(STORE).get('current');
      req.onsuccess = () => resolve(req.result as SavedSession | undefined);
      req.onerror = () => reject(req.error);
    });
    db.close();
    return value && value.configText !== undefined ? value : null;
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
  const s = useStore.getState();
  s.loadProject(saved.configText, saved.tasksText, { config: saved.configName, tasks: saved.tasksName }, images);
  useStore.setState({ savedTasksText: saved.savedTasksText });
  s.selectTask(saved.taskIndex);
  s.selectPrediction(saved.predictionIndex);
  s.setNotice(`Restored your session from ${new Date(saved.savedAt).toLocaleString()}.`);
  return true;
}

/** Save on every change, after a short pause. Returns the unsubscribe function. */
export function keepSessionSaved(): () => void {
  let timer: number | undefined;
  const save = () => {
    const s = useStore.getState();
    if (!s.project.configText && s.project.tasksText === '[]') return;
    const images = [...s.images].map(([name, url]) => (imageBlobs.has(url) ? { name, blob: imageBlobs.get(url) } : { name, url }));
    void put({
      configText: s.project.configText,
      tasksText: s.project.tasksText,
      configName: s.project.configName,
      tasksName: s.project.tasksName,
      savedTasksText: s.savedTasksText,
      taskIndex: s.taskIndex,
      predictionIndex: s.predictionIndex,
      images,
      savedAt: Date.now(),
    }).catch(() => s.setNotice('Your work could not be saved in this browser (storage full or blocked): export it to keep it.'));
  };
  const unsubscribe = useStore.subscribe((state, prev) => {
    if (state.project === prev.project && state.images === prev.images && state.taskIndex === prev.taskIndex && state.predictionIndex === prev.predictionIndex && state.savedTasksText === prev.savedTasksText) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 400);
  });
  return unsubscribe;
}
