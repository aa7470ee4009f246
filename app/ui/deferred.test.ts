// A failed dynamic import is tried again under another address: the browser keeps the failure of the first.

import { describe, expect, test } from 'vitest';
import { failedModuleUrl, retryUrl } from './deferred';

describe('retrying a part whose code did not load', () => {
  test("the module is read from the browser's message", () => {
    expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4501/assets/TextObjects-BUp_u3_6.js'))).toBe('http://127.0.0.1:4501/assets/TextObjects-BUp_u3_6.js');
    expect(failedModuleUrl(new TypeError('error loading dynamically imported module: https://example.org/app/ui/text/TextObjects.tsx?retry=1.'))).toBe('https://example.org/app/ui/text/TextObjects.tsx?retry=1');
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull();
  });

  test('each attempt is another address, the rest of the address kept', () => {
    expect(retryUrl('http://h/assets/a-1.js', 1)).toBe('http://h/assets/a-1.js?retry=1');
    expect(retryUrl('http://h/assets/a-1.js?retry=1', 2)).toBe('http://h/assets/a-1.js?retry=2');
    expect(retryUrl('http://h/app/ui/x.tsx?t=5', 3)).toBe('http://h/app/ui/x.tsx?t=5&retry=3');
  });
});
