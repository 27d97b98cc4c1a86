import { describe, expect, it } from 'vitest';
import { DEFAULT_CODEBOOK } from './default-codebook';
import { addTheme, mergeThemes, renameTheme, retireTheme } from './edit';
import { activeThemes, codebookVersion } from './types';

describe('codebook', () => {
  it('has the 16 default themes, each documented', () => {
    expect(activeThemes(DEFAULT_CODEBOOK)).toHaveLength(16);
    for (const theme of DEFAULT_CODEBOOK.themes) {
      expect(theme.definition.length).toBeGreaterThan(20);
      expect(theme.seeds.length).toBeGreaterThan(3);
    }
    expect(codebookVersion(DEFAULT_CODEBOOK)).toBe('default@1');
  });

  it('adds, renames and retires themes with a new version each time', () => {
    const added = addTheme(DEFAULT_CODEBOOK, { id: 'gambling', label: 'Gambling', definition: 'Betting and gambling.', seeds: ['gambl*', 'betting'] });
    expect(added.version).toBe(2);
    expect(() => addTheme(added, { id: 'gambling', label: 'x', definition: '' })).toThrow();
    const renamed = renameTheme(added, 'gambling', 'Betting & gambling');
    expect(renamed.version).toBe(3);
    expect(renamed.themes.find((t) => t.id === 'gambling')?.label).toBe('Betting & gambling');
    const retired = retireTheme(renamed, 'gambling');
    expect(activeThemes(retired).map((t) => t.id)).not.toContain('gambling');
    expect(retired.themes.map((t) => t.id)).toContain('gambling');
  });

  it('merges themes into one that takes their phrases', () => {
    const merged = mergeThemes(DEFAULT_CODEBOOK, ['bullying'], 'discrimination');
    const into = merged.themes.find((t) => t.id === 'discrimination');
    expect(into?.seeds).toContain('bully|bullies|bullied|bullying');
    expect(merged.themes.find((t) => t.id === 'bullying')).toMatchObject({ retired: true, mergedInto: 'discrimination' });
    expect(merged.version).toBe(2);
  });

  it('does not change the codebook it was given', () => {
    retireTheme(DEFAULT_CODEBOOK, 'fear');
    expect(activeThemes(DEFAULT_CODEBOOK)).toHaveLength(16);
  });
});
