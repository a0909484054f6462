/** The pane's number formatting: cached Intl.NumberFormat instances (issue #10), figures as the template shows them. */
import { formatChange, formatCount, formatNumber, numberFormat } from '../../src/taskpane/model/format';

test('one formatter per number of decimals, made once and reused', () => {
  const spy = jest.spyOn(Intl, 'NumberFormat');
  // toLocaleString(locale, options) builds a formatter per call: the pane must not use it for figures
  const perCall = jest.spyOn(Number.prototype, 'toLocaleString');
  try {
    for (let i = 0; i < 500; i++) {
      formatNumber(1234.5 + i, 1, 'ko');
      formatNumber(-i, 0, 'en');
      formatChange(i / 7, 'rate', 1, 'ko');
      formatCount(i * 1000);
    }
    // at most one new formatter per decimals value used above (0 and 1), whatever the earlier tests made
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    expect(perCall).not.toHaveBeenCalled();
    expect(numberFormat(1)).toBe(numberFormat(1));
    expect(numberFormat(0)).not.toBe(numberFormat(1));
  } finally {
    spy.mockRestore();
    perCall.mockRestore();
  }
});

test('figures: separators, △ for Korean negatives, − for English, no signed zero', () => {
  expect(formatNumber(1234567)).toBe('1,234,567');
  expect(formatNumber(1234.56, 1)).toBe('1,234.6');
  expect(formatNumber(-4193, 0, 'ko')).toBe('△4,193');
  expect(formatNumber(-4193, 0, 'en')).toBe('−4,193');
  expect(formatNumber(-0.04, 1, 'ko')).toBe('0.0');
  expect(formatNumber(null)).toBe('–');
  expect(formatNumber(Number.NaN)).toBe('–');
  expect(formatCount(12345)).toBe('12,345');
});

test('changes: sign, unit by indicator kind, ± for a change that shows as zero', () => {
  expect(formatChange(2, 'rate')).toBe('+2.0%p');
  expect(formatChange(10, 'count')).toBe('+10.0%');
  expect(formatChange(-0.5, 'rate', 1, 'ko')).toBe('△0.5%p');
  expect(formatChange(-0.5, 'rate', 1, 'en')).toBe('−0.5%p');
  expect(formatChange(0.04, 'rate')).toBe('±0.0%p');
  expect(formatChange(1234.56, 'count', 2)).toBe('+1,234.56%');
  expect(formatChange(null, 'rate')).toBe('–');
});
