/**
 * Every text about a finding, in Korean and in English, produced from its fields: the message (from the
 * rule's template and the finding's data), the figures with their unit, the place (table, row, column)
 * and the cell. The English texts are English throughout; only names (sheets, tables, tasks, 세부사업,
 * areas, indicators, units that have no English word) stay as the workbook writes them.
 */
import { ALL_RULES } from '../rules';
import { formatMessage } from '../rules/run';
import { STRUCTURE_META } from '../rules/structure';
import type { Finding, Lang, Place, RuleMessage } from '../rules/types';

const TEMPLATES = new Map<string, Record<string, RuleMessage>>([[STRUCTURE_META.id, STRUCTURE_META.messages], ...ALL_RULES.map((r) => [r.meta.id, r.meta.messages] as const)]);

/** The finding's message in `lang`, made from its rule's template and its data. */
export function messageText(f: Finding, lang: Lang): string {
  const template = TEMPLATES.get(f.rule)?.[f.messageId]?.[lang];
  // A finding made elsewhere (a test, an older report) without its data keeps its own text.
  const complete = template && [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].every((m) => m[1] in (f.data ?? {}));
  if (template && complete) return formatMessage(template, f.data, lang);
  return lang === 'en' ? f.messageEn : f.message;
}

/** A figure: thousands separators; Korean text writes negatives with △, English with a minus sign. */
export function figureText(v: number | string | null, lang: Lang): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  const rounded = Math.round(v * 1e6) / 1e6;
  const abs = Math.abs(rounded).toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (rounded >= 0) return abs;
  return lang === 'ko' ? `△${abs}` : `-${abs}`;
}

/** A difference with its sign: "+4", "△1" (Korean) or "-1" (English), "0". */
export function differenceText(d: number, lang: Lang): string {
  return d > 0 ? `+${figureText(d, lang)}` : figureText(d, lang);
}

/** English for the units the plans use; others are names and stay as written. */
const UNIT_EN: Record<string, string> = {
  명: 'people',
  원: 'KRW',
  천원: 'thousand KRW',
  백만원: 'million KRW',
  억원: '100 million KRW',
  개: 'units',
  개소: 'sites',
  개사: 'companies',
  개社: 'companies',
  건: 'cases',
  회: 'times',
  곳: 'places',
  팀: 'teams',
  가구: 'households',
  일: 'days',
  시간: 'hours',
  과정: 'courses',
  학기: 'semesters',
};

/** A unit in `lang`: '백만원' → 'million KRW'; '%' and '%p' stay. */
export function unitText(unit: string, lang: Lang): string {
  if (lang === 'ko') return unit;
  const key = unit.replace(/\s+/g, '');
  return UNIT_EN[key] ?? unit;
}

/** A figure with its unit: "4,193백만원" / "4,193 million KRW", "70.6%". */
export function quantityText(v: number | string | null, unit: string | null, lang: Lang): string {
  const n = figureText(v, lang);
  if (!unit || typeof v !== 'number') return n;
  if (unit.startsWith('%')) return `${n}${unit}`;
  return lang === 'ko' ? `${n}${unit}` : `${n} ${unitText(unit, lang)}`;
}

const WORDS = {
  ko: { expected: '기대', actual: '실제', difference: '차이', tolerance: '허용' },
  en: { expected: 'expected', actual: 'actual', difference: 'difference', tolerance: 'tolerance' },
};

/** "기대 4,193백만원 · 실제 4,197백만원 · 차이 +4 · 허용 ±1.5", or '' when the finding has no figures. */
export function figuresText(f: Finding, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (f.expected !== null) parts.push(`${w.expected} ${quantityText(f.expected, f.unit, lang)}`);
  if (f.actual !== null) parts.push(`${w.actual} ${quantityText(f.actual, f.unit, lang)}`);
  if (f.difference !== null && f.difference !== 0) parts.push(`${w.difference} ${differenceText(f.difference, lang)}`);
  if (f.tolerance !== null) parts.push(`${w.tolerance} ±${figureText(f.tolerance, lang)}`);
  return parts.join(' · ');
}

/** The short text of a finding: its message. */
export function headline(f: Finding, lang: Lang): string {
  return messageText(f, lang);
}

/** The detailed text: the message and the figures, "메시지 (기대 10 · 실제 12 · 차이 +2 · 허용 ±1)". */
export function detail(f: Finding, lang: Lang): string {
  const figures = figuresText(f, lang);
  const text = messageText(f, lang);
  return figures ? `${text} (${figures})` : text;
}

/** The cell as shown to a reader: "분야별 목표!C7" (no quotes), or '' for a finding about the workbook. */
export function cellLabel(f: { sheet: string; cell: string }): string {
  if (!f.sheet) return '';
  return f.cell ? `${f.sheet}!${f.cell}` : f.sheet;
}

const TABLE_WORDS: Record<Lang, Partial<Record<Place['table']['kind'], string>>> = {
  ko: { indicators: '공통 일자리 목표', areas: '분야별 목표', overview: '개요' },
  en: { indicators: 'common job targets', areas: 'targets by area', overview: 'overview' },
};

/** The table's name in `lang`: the two fixed tables have English names; a 실천과제 or a sheet keeps its name. */
export function tableName(table: Place['table'], lang: Lang): string {
  return TABLE_WORDS[lang][table.kind] ?? table.name;
}

const PLACE_WORDS = {
  ko: {
    target: '성과목표',
    budget: '소요예산',
    total: '합계',
    grandTotal: '합계',
    taskTotal: '총계',
    year: (y: number) => `${y}년`,
    field: { lastActual: '실적', base: '기준', target: '목표', change: '증감', actual: '실적', rate: '달성률', unit: '단위', label: '', link: '연계', year: '연도' },
  },
  en: {
    target: 'target',
    budget: 'budget',
    total: 'total',
    grandTotal: 'grand total',
    taskTotal: 'total',
    year: (y: number) => String(y),
    field: { lastActual: 'actual', base: 'base', target: 'target', change: 'change', actual: 'actual', rate: 'achievement rate', unit: 'unit', label: '', link: 'link', year: 'year' },
  },
} as const;

/**
 * The row and column of a place, without its table: "청년 일자리 확대 소요예산 합계", "고용률 목표 2024년",
 * "세부사업명 성과목표 2023년" / "청년 일자리 확대 budget total", "고용률 target 2024".
 */
export function rowLabel(place: Place, lang: Lang): string {
  const w = PLACE_WORDS[lang];
  const parts: string[] = [];
  if (place.grandTotal) parts.push(w.grandTotal);
  if (place.table.kind === 'areas' && place.area) parts.push(place.area);
  if (place.taskTotal) parts.push(w.taskTotal);
  if (place.subproject) parts.push(place.subproject);
  if (place.indicator) parts.push(place.indicator);
  if (place.item) parts.push(place.item.join(' › '));
  if (place.role) parts.push(w[place.role]);
  if (place.field && w.field[place.field]) parts.push(w.field[place.field]);
  if (place.year !== undefined) parts.push(place.year === 'total' ? w.total : w.year(place.year));
  return parts.join(' ');
}

/** Table and row: "분야별 목표 · 청년 일자리 확대 소요예산 합계". */
export function placeLabel(place: Place | null, lang: Lang): string {
  if (!place) return '';
  const row = rowLabel(place, lang);
  const table = tableName(place.table, lang);
  return row ? `${table} · ${row}` : table;
}
