// The one test every reader of task JSON needs: is this value a JSON object (not a list, not null)?

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
