import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const key = (
  k: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps undo, redo and save with Ctrl or Cmd', () => {
    expect(shortcutFor(key('z', { ctrlKey: true }), false)).toBe('undo');
    expect(shortcutFor(key('z', { metaKey: true }), false)).toBe('undo');
    expect(shortcutFor(key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(shortcutFor(key('y', { ctrlKey: true }), false)).toBe('redo');
    expect(shortcutFor(key('s', { metaKey: true }), false)).toBe('save');
  });

  it('maps single keys on the canvas', () => {
    expect(shortcutFor(key('Delete'), false)).toBe('delete');
    expect(shortcutFor(key('Backspace'), false)).toBe('delete');
    expect(shortcutFor(key('a'), false)).toBe('add');
    expect(shortcutFor(key('l'), false)).toBe('layout');
    expect(shortcutFor(key('?', { shiftKey: true }), false)).toBe('help');
    expect(shortcutFor(key('Escape'), false)).toBe('escape');
    expect(shortcutFor(key('x'), false)).toBeNull();
  });

  it('leaves typing alone, except saving and Escape', () => {
    expect(shortcutFor(key('Backspace'), true)).toBeNull();
    expect(shortcutFor(key('a'), true)).toBeNull();
    expect(shortcutFor(key('z', { ctrlKey: true }), true)).toBeNull();
    expect(shortcutFor(key('s', { ctrlKey: true }), true)).toBe('save');
    expect(shortcutFor(key('Escape'), true)).toBe('escape');
  });
});
