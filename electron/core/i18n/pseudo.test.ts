import { describe, expect, it } from 'vitest';
import { pseudoLocalize, pseudoLocalizeTree } from './pseudo.ts';

describe('pseudo-locale', () => {
  it('accents every ASCII letter, so untranslated text stands out', () => {
    const p = pseudoLocalize('Start break now');
    expect(p).not.toMatch(/[A-Za-z]/);
    expect(p.startsWith('⟦Šţåŕţ ƀŕēåķ ñöŵ')).toBe(true);
    expect(p.endsWith('⟧')).toBe(true);
  });

  it('is about 40 % longer than English', () => {
    for (const en of ['Snooze', 'Time for a stretch session', 'Keep your lower back resting on the floor; skip this one if lying down is uncomfortable.']) {
      const growth = (pseudoLocalize(en).length - 2) / en.length; // the two brackets do not count
      expect(growth).toBeGreaterThanOrEqual(1.3);
      expect(growth).toBeLessThanOrEqual(1.5);
    }
  });

  it('keeps placeholders, plural keywords and # intact', () => {
    const p = pseudoLocalize('You moved for {duration} and did {count, plural, one {# exercise} other {# exercises}}.');
    expect(p).toContain('{duration}');
    expect(p).toContain('{count, plural, one {# ēẋēŕçïšē} other {# ēẋēŕçïšēš}}');
    expect(p).not.toContain('{đüŕåţïöñ}');
  });

  it('keeps select keys and transforms their texts', () => {
    expect(pseudoLocalize('{kind, select, long {Stretch} other {Move}}')).toMatch(/^⟦\{kind, select, long \{Šţŕēţçĥ\} other \{Ṁöṽē\}\}/);
  });

  it('leaves empty messages empty and transforms trees leaf by leaf', () => {
    expect(pseudoLocalize('')).toBe('');
    const tree = pseudoLocalizeTree({ a: 'Skip', b: { c: ['One', 'Two'] } });
    expect(tree.a).toMatch(/^⟦Šķïþ/);
    expect(tree.b.c).toHaveLength(2);
    expect(tree.b.c[1]).toMatch(/^⟦Ţŵö/);
  });

  it('rejects unbalanced braces instead of producing a broken message', () => {
    expect(() => pseudoLocalize('Oops {name')).toThrow(/unbalanced/);
  });
});
