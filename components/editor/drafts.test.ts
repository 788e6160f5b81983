import { describe, expect, it } from 'vitest';
import { clearDrafts, DRAFT_MAX_AGE_MS, DRAFT_PREFIX, recordDraft, restorableDraft, type DraftStorage } from './drafts';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

describe('editor drafts', () => {
  it('keeps text that differs from the saved text and gives it back to a fresh editor', () => {
    const s = memoryStorage();
    recordDraft(s, 'plugin:a', 'edited', 'saved');
    expect(restorableDraft(s, 'plugin:a', { text: 'saved', saved: 'saved' })).toEqual({ text: 'edited', stale: false });
    expect(restorableDraft(s, 'plugin:b', { text: 'saved', saved: 'saved' })).toBeNull();
  });

  it('forgets the draft once the text equals the saved text again (saved, discarded, undone)', () => {
    const s = memoryStorage();
    recordDraft(s, 'k', 'edited', 'saved');
    recordDraft(s, 'k', 'edited', 'edited'); // the save made it the saved text
    expect(s.map.size).toBe(0);
  });

  it('a draft that became the saved text elsewhere is dropped, not restored', () => {
    const s = memoryStorage();
    recordDraft(s, 'k', 'v2', 'v1');
    expect(restorableDraft(s, 'k', { text: 'v2', saved: 'v2' })).toBeNull();
    expect(s.map.size).toBe(0);
  });

  it('says when the saved text changed under the draft', () => {
    const s = memoryStorage();
    recordDraft(s, 'k', 'mine', 'v1');
    expect(restorableDraft(s, 'k', { text: 'v2', saved: 'v2' })).toEqual({ text: 'mine', stale: true });
  });

  it('drops old and unreadable drafts', () => {
    const s = memoryStorage();
    recordDraft(s, 'old', 'x', 'y', 0);
    expect(restorableDraft(s, 'old', { text: 'y', saved: 'y' }, DRAFT_MAX_AGE_MS + 1)).toBeNull();
    s.setItem(`${DRAFT_PREFIX}bad`, '{not json');
    expect(restorableDraft(s, 'bad', { text: '', saved: '' })).toBeNull();
    expect(s.map.size).toBe(0);
  });

  it('a full or disabled storage never throws', () => {
    const s = memoryStorage();
    s.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    expect(recordDraft(s, 'k', 'a', 'b')).toBe(false);
  });

  it('clearDrafts removes only drafts', () => {
    const s = memoryStorage();
    recordDraft(s, 'a', '1', '0');
    recordDraft(s, 'b', '1', '0');
    s.setItem('kube-lua-studio.editor.plain-text', '1');
    clearDrafts(s);
    expect([...s.map.keys()]).toEqual(['kube-lua-studio.editor.plain-text']);
  });
});
