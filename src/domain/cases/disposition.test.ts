import { describe, expect, it } from 'vitest';
import { defaultDisposition, defaultDispositions, DISPOSITIONS, GRADES, restockNeedsConfirmation } from './disposition.js';

describe('inspection dispositions (issue 13.7)', () => {
  it('proposes a disposition for every grade and claim, exhaustively', () => {
    const table = Object.fromEntries([false, true].map((defect) => [defect ? 'defect' : 'other', GRADES.map((g) => defaultDisposition(g, { defect }))]));
    expect(table).toEqual({
      other: ['restock', 'restock', 'refurbish', 'scrap'],
      defect: ['refurbish', 'refurbish', 'refurbish', 'return_to_vendor'],
    });
    expect(defaultDispositions({ defect: true })).toEqual({ A: 'refurbish', B: 'refurbish', C: 'refurbish', D: 'return_to_vendor' });
  });

  it('never proposes restocking a defect claim, nor anything graded below B', () => {
    for (const grade of GRADES)
      for (const defect of [false, true]) {
        const proposed = defaultDisposition(grade, { defect });
        if (defect || grade === 'C' || grade === 'D') expect(proposed, `${grade} ${defect}`).not.toBe('restock');
        expect(restockNeedsConfirmation(grade, proposed), `${grade} ${defect}`).toBe(false);
      }
  });

  it('asks for a confirmation exactly when goods graded C or D are restocked', () => {
    for (const grade of GRADES)
      for (const disposition of DISPOSITIONS) {
        expect(restockNeedsConfirmation(grade, disposition)).toBe(disposition === 'restock' && (grade === 'C' || grade === 'D'));
      }
  });
});
