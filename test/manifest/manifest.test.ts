/**
 * @jest-environment jsdom
 *
 * manifest.xml against Microsoft's schemas (xmllint) and the checks they cannot make. The production
 * build's copy is checked in test/bundle/addin-build.test.ts.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../../src/adapters/office/api';
import { manifestProblems, requiredExcelApi, schemaErrors, xmllint, xmllintRequired } from './check';

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
const DEV = 'https://localhost:3000/';
const fileOf = (url: string) => (url.startsWith(DEV) ? path.join(ROOT, url.slice(DEV.length)) : null);

test('manifest.xml is valid against the add-in manifest schema (xmllint --schema)', () => {
  const lint = xmllint();
  if (!lint) {
    if (xmllintRequired()) throw new Error('xmllint is required here (JOBTARGET_REQUIRE_XMLLINT=1) but not installed: apt-get install libxml2-utils');
    console.warn('\n*** xmllint NOT INSTALLED: manifest.xml was NOT validated against the schema (apt-get install libxml2-utils). CI installs it. ***\n');
    return;
  }
  expect(schemaErrors(MANIFEST, lint)).toBe('');
});

test('what the schema cannot check: https, resids, icon sizes, lengths, ko-KR with en-US, unique ids', () => {
  expect(manifestProblems(readFileSync(MANIFEST, 'utf8'), fileOf)).toEqual([]);
});

test('it requires exactly the oldest supported ExcelApi', () => {
  expect(requiredExcelApi(readFileSync(MANIFEST, 'utf8'))).toBe(MIN_EXCEL_API);
});

describe('the checks catch what they are for', () => {
  const good = readFileSync(MANIFEST, 'utf8');
  const problems = (xml: string) => manifestProblems(xml, fileOf).join('\n');
  test.each([
    ['an http URL', good.replace('https://localhost:3000/support.html', 'http://localhost:3000/support.html'), /not https/],
    ['a resid naming nothing', good.replace('resid="Group.Label"', 'resid="Group.Lable"'), /names no resource/],
    ['a resid of the wrong kind', good.replace('<Label resid="Group.Label"/>', '<Label resid="GetStarted.Description"/>'), /long resource, not a short/],
    ['an icon of the wrong size', good.replace('<bt:Image size="80" resid="Icon.80x80"/>', '<bt:Image size="80" resid="Icon.32x32"/>'), /32×32, declared 80×80/],
    ['a missing en-US override', good.replace('<bt:Override Locale="en-US" Value="Job targets"/>', ''), /Group.Label: no en-US override/],
    ['an English default', good.replace('DefaultValue="일자리 목표">', 'DefaultValue="Job targets">'), /not Korean/],
    ['a too long label', good.replace('DefaultValue="빠른 검증"', `DefaultValue="${'빠른 검증 '.repeat(30)}"`), /limit 125/],
    ['a duplicate id', good.replace('id="JobTarget.ValidateButton"', 'id="JobTarget.TaskpaneButton"'), /duplicate id JobTarget.TaskpaneButton/],
    ['another default locale', good.replace('<DefaultLocale>ko-KR</DefaultLocale>', '<DefaultLocale>en-US</DefaultLocale>'), /not ko-KR/],
  ])('%s', (_what, xml, expected) => {
    expect(xml).not.toBe(good);
    expect(problems(xml)).toMatch(expected);
  });

  test('xmllint rejects a manifest the schema forbids', () => {
    const lint = xmllint();
    if (!lint) {
      if (xmllintRequired()) throw new Error('xmllint is required here but not installed');
      console.warn('\n*** xmllint NOT INSTALLED: schema self-test NOT run. ***\n');
      return;
    }
    const bad = path.join(require('os').tmpdir(), `jobtarget-bad-manifest-${process.pid}.xml`);
    require('fs').writeFileSync(bad, good.replace('<ProviderName>jobtarget</ProviderName>', ''));
    expect(schemaErrors(bad, lint)).toMatch(/ProviderName|fails to validate|not expected/);
  });
});
