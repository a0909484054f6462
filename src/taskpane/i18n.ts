/**
 * UI strings: Korean first, English when Office's display language is English. Templates take {name}
 * placeholders. The English table must have every Korean key (the type enforces it).
 */
import type { Lang } from '../core/rules/types';

export const ko = {
  appTitle: '일자리 목표 공시 도우미',
  tabsLabel: '작업',
  tabInsert: '템플릿 삽입',
  tabValidate: '검증',
  tabGrowth: '성장률',

  insertHeading: '종합계획 서식 삽입',
  insertKind: '서식 종류',
  insertBlank: '빈 서식',
  insertExample: '예시: 인천 서구 종합계획 (2023–2026)',
  insertStartYear: '계획 시작 연도',
  insertYears: '계획 기간 (년)',
  insertPeriod: '계획기간 {start}–{end}년 · 기준연도 {base}년',
  insertButton: '서식 삽입',
  insertBusy: '삽입 중…',
  insertNote: '기존 시트는 덮어쓰지 않습니다. 이름이 겹치면 빈 이름을 골라 씁니다.',
  insertPlannedNames: '만들 시트: {names}',
  insertDone: '시트를 만들었습니다: {names}',
  insertRenamed: '이미 있는 시트와 이름이 겹쳐 다음 이름을 썼습니다: {names}',

  validateButton: '검증',
  validateBusy: '검증 중…',
  clearButton: '지우기',
  clearHint: '셀 표시를 지우고 원래 서식으로 되돌립니다',
  resultsSheetButton: '검증결과 시트 만들기',
  autoRevalidate: '수정하면 자동으로 다시 검증',
  severityFilter: '심각도 필터',
  error: '오류',
  warning: '경고',
  info: '참고',
  notValidated: '아직 검증하지 않았습니다. [검증]을 누르면 통합 문서를 읽고 합계·증감을 확인합니다.',
  notAPlan: '이 통합 문서에서 종합계획 서식을 찾지 못했습니다. [템플릿 삽입]으로 서식을 만드세요.',
  noFindings: '문제가 없습니다. 합계와 목표가 모두 맞습니다.',
  noneShown: '선택한 심각도의 항목이 없습니다.',
  summary: '오류 {error}건, 경고 {warning}건, 참고 {info}건',
  marked: '셀 {n}개를 표시했습니다 ({how}).',
  annotationNotes: '메모 포함',
  annotationComments: '댓글 포함',
  annotationFill: '채우기만 — 이 Excel은 메모를 지원하지 않습니다',
  annotationNone: '표시 없음',
  truncated: '표시할 셀이 너무 많아 심각도 순으로 앞의 셀만 표시했습니다.',
  cleared: '표시 {n}개를 원래 서식으로 되돌렸습니다.',
  resultsWritten: '"{sheet}" 시트를 만들었습니다.',
  workbook: '통합 문서 전체',
  otherTable: '표 밖',
  findingsList: '검증 결과 목록',
  selectHint: '항목을 누르면 해당 셀을 선택합니다.',
  expectedActual: '계산 {expected} · 기재 {actual}',
  tolerance: '반올림 허용 ±{tolerance}',
  autoRevalidated: '수정 내용을 다시 검증했습니다.',

  growthHeading: '공통 일자리 목표 성장률',
  growthNoPlan: '먼저 [검증]을 실행하세요. 마지막 검증에서 읽은 공통 일자리 목표를 보여 줍니다.',
  growthNoIndicators: '공통 일자리 목표 지표를 찾지 못했습니다.',
  growthIndicator: '지표',
  growthBase: '기준 ({year})',
  growthFinal: '최종 목표 ({year})',
  growthChange: '증감',
  growthRequired: '요구',
  growthStatus: '판정',
  growthSteps: '연도별 증감',
  statusMet: '충족',
  statusPossibly: '반올림 범위',
  statusNotMet: '미달',
  growthRule: '률 지표는 %p(목표 − 기준), 수 지표는 %(목표 ÷ 기준 − 1). 요구 증감은 개요 시트의 설정입니다.',
  fillButton: '목표 경로로 채우기',
  fillNothing: '모든 목표가 이미 목표 경로와 같습니다.',
  fillConfirmTitle: '목표 경로로 채울까요?',
  fillConfirmBody: '다음 셀의 값을 바꿉니다. 률 지표는 매년 같은 %p, 수 지표는 매년 같은 %로 늘어나 마지막 해에 요구 증감을 채웁니다.',
  fillConfirm: '채우기',
  cancel: '취소',
  filled: '목표 {n}개를 채웠습니다. 다시 검증합니다.',
  fillFrom: '{from} → {to}',
  fillWhat: '지표 · 연도',
  fillValues: '셀: 현재 → 새 값',

  footerLabel: '마지막 작업 비용',
  footerCost: '{action}: 셀 {cells}개 읽음 · 왕복 {syncs}회 · {ms} ms',
  footerNone: '아직 실행한 작업이 없습니다.',
  actionInsert: '삽입',
  actionValidate: '검증',
  actionClear: '지우기',
  actionResults: '결과 시트',
  actionFill: '목표 채우기',
  actionSelect: '셀 선택',

  failed: '실패: {message}',
  noHost: 'Excel에 연결되지 않았습니다. 이 창은 Excel의 추가 기능으로 열어야 합니다.',
  loading: 'Excel에 연결하는 중…',
};

export type Strings = typeof ko;
export type StringKey = keyof Strings;

export const en: Strings = {
  appTitle: 'Job Target Disclosure Helper',
  tabsLabel: 'Actions',
  tabInsert: 'Insert template',
  tabValidate: 'Check',
  tabGrowth: 'Growth',

  insertHeading: 'Insert the plan template',
  insertKind: 'Template',
  insertBlank: 'Blank',
  insertExample: 'Example: Incheon Seo-gu plan (2023–2026)',
  insertStartYear: 'First plan year',
  insertYears: 'Plan years',
  insertPeriod: 'Plan period {start}–{end} · base year {base}',
  insertButton: 'Insert',
  insertBusy: 'Inserting…',
  insertNote: 'Existing sheets are never overwritten; taken names are replaced by free ones.',
  insertPlannedNames: 'Sheets to create: {names}',
  insertDone: 'Created sheets: {names}',
  insertRenamed: 'These names were taken, so these were used instead: {names}',

  validateButton: 'Check',
  validateBusy: 'Checking…',
  clearButton: 'Clear',
  clearHint: 'Removes the cell marks and restores the previous formats',
  resultsSheetButton: 'Create findings sheet',
  autoRevalidate: 'Re-check after edits',
  severityFilter: 'Filter by severity',
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
  notValidated: 'Not checked yet. Check reads the workbook and verifies totals and changes.',
  notAPlan: 'No plan template found in this workbook. Use Insert template to create one.',
  noFindings: 'No findings: all totals and targets agree.',
  noneShown: 'No findings of the selected severities.',
  summary: '{error} errors, {warning} warnings, {info} info',
  marked: 'Marked {n} cells ({how}).',
  annotationNotes: 'with notes',
  annotationComments: 'with comments',
  annotationFill: 'fill only — this Excel has no notes',
  annotationNone: 'no marks',
  truncated: 'Too many cells to mark: the first ones by severity were marked.',
  cleared: 'Restored the format of {n} marked cells.',
  resultsWritten: 'Created the "{sheet}" sheet.',
  workbook: 'Whole workbook',
  otherTable: 'Outside tables',
  findingsList: 'Findings',
  selectHint: 'Select a finding to select its cells.',
  expectedActual: 'computed {expected} · stated {actual}',
  tolerance: 'rounding tolerance ±{tolerance}',
  autoRevalidated: 'Re-checked after your edits.',

  growthHeading: 'Common job targets: growth',
  growthNoPlan: 'Run Check first: this shows the common job targets read by the last check.',
  growthNoIndicators: 'No common job target indicators were found.',
  growthIndicator: 'Indicator',
  growthBase: 'Base ({year})',
  growthFinal: 'Final target ({year})',
  growthChange: 'Change',
  growthRequired: 'Required',
  growthStatus: 'Verdict',
  growthSteps: 'Yearly steps',
  statusMet: 'Met',
  statusPossibly: 'Within rounding',
  statusNotMet: 'Not met',
  growthRule: 'Rates change in %p (target − base), counts in % (target ÷ base − 1). Required changes are settings on the overview sheet.',
  fillButton: 'Fill target path',
  fillNothing: 'All targets already follow the target path.',
  fillConfirmTitle: 'Fill the target path?',
  fillConfirmBody: 'These cells will change. Rates rise by the same %p each year, counts by the same %, reaching the required change in the last year.',
  fillConfirm: 'Fill',
  cancel: 'Cancel',
  filled: 'Filled {n} targets. Checking again.',
  fillFrom: '{from} → {to}',
  fillWhat: 'Indicator · year',
  fillValues: 'Cell: now → new',

  footerLabel: 'Cost of the last action',
  footerCost: '{action}: {cells} cells read · {syncs} round trips · {ms} ms',
  footerNone: 'No action yet.',
  actionInsert: 'Insert',
  actionValidate: 'Check',
  actionClear: 'Clear',
  actionResults: 'Findings sheet',
  actionFill: 'Fill targets',
  actionSelect: 'Select cells',

  failed: 'Failed: {message}',
  noHost: 'Not connected to Excel. Open this pane as an Excel add-in.',
  loading: 'Connecting to Excel…',
};

export const STRINGS: Record<Lang, Strings> = { ko, en };

/** 'en' when Office's display language is English (en, en-US, en-GB …), else Korean. */
export function langFromDisplayLanguage(displayLanguage: string | null | undefined): Lang {
  return (displayLanguage ?? '').toLowerCase().startsWith('en') ? 'en' : 'ko';
}

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  const table = STRINGS[lang];
  return (key, vars) => {
    const template = table[key] ?? ko[key] ?? String(key);
    return vars ? template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : template;
  };
}
