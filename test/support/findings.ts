import type { Finding } from '../../src/core/rules/types';

/** A finding made by hand for presentation tests: no figures, no place, message 'm'; `over` sets the rest. */
export function handMadeFinding(over: Partial<Finding> = {}): Finding {
  return {
    rule: 'task-total',
    severity: 'error',
    sheet: '실천과제',
    cell: 'C7',
    cells: [],
    refs: [],
    place: null,
    expected: null,
    actual: null,
    tolerance: null,
    difference: null,
    unit: null,
    data: {},
    message: 'm',
    messageEn: 'm',
    messageId: 'mismatch',
    ...over,
  };
}
