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
import { unitIn } from '../rules/words';
import { groupedFormat } from '../numbers/format';

const FIGURE = groupedFormat(0, 6);

const TEMPLATES = new Map<string, Record<string, RuleMessage>>([[STRUCTURE_META.id, STRUCTURE_META.messages], ...ALL_RULES.map((r) => [r.meta.id, r.meta.messages] as const)]);
const SHORT_TEMPLATES = new Map<string, Record<string, RuleMessage>>(ALL_RULES.filter((r) => r.meta.short).map((r) => [r.meta.id, r.meta.short!] as const));

const SUBJECT = /^\{\{\s*(?:what|area|indicator|table)\s*\}\}(?:\{\{\s*unit\s*\}\}|[^{}])*$/;
const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function hasData(template: string, f: Finding): boolean {
  return [...template.matchAll(PLACEHOLDER)].every((m) => m[1] in (f.data ?? {}));
}

/** The finding's message in `lang`, made from its rule's template and its data. */
export function messageText(f: Finding, lang: Lang): string {
  const template = TEMPLATES.get(f.rule)?.[f.messageId]?.[lang];
  // A finding made elsewhere (a test, an older report) without its data keeps its own text.
  if (template && hasData(template, f)) return formatMessage(template, f.data, lang);
  return lang === 'en' ? f.messageEn : f.message;
}

/** A figure: thousands separators; Korean text writes negatives with △, English with a minus sign. */
export function figureText(v: number | string | null, lang: Lang): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  const rounded = Math.round(v * 1e6) / 1e6;
  const abs = FIGURE.format(Math.abs(rounded));
  if (rounded >= 0) return abs;
  return lang === 'ko' ? `△${abs}` : `-${abs}`;
}

/** A difference with its sign: "+4", "△1" (Korean) or "-1" (English), "0". */
export function differenceText(d: number, lang: Lang): string {
  return d > 0 ? `+${figureText(d, lang)}` : figureText(d, lang);
}

/** A unit in `lang`: '백만원' → 'million KRW'; '%' and '%p' stay. */
export function unitText(unit: string, lang: Lang): string {
  return unitIn(unit, lang);
}

/** A figure with its unit: "4,193백만원" / "4,193 million KRW", "70.6%". */
export function quantityText(v: number | string | null, unit: string | null, lang: Lang): string {
  // A figure that is text names units ("명", "개소, 명": mixed-units): English gets their English words.
  if (typeof v === 'string') return lang === 'en' ? v.split(', ').map((u) => unitIn(u, lang)).join(', ') : v;
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

/**
 * The short text of a finding in two parts: `subject` names the place (a row, an item), `claim` says
 * what is wrong with the figures once. A one-line list cuts the subject when it must, never the claim.
 * Made from the rule's short template when it has one (the message without its parts and
 * explanations), else from the message; the subject is what comes before the template's first ": ".
 */
export function headlineParts(f: Finding, lang: Lang): { subject: string; claim: string } {
  const template = SHORT_TEMPLATES.get(f.rule)?.[f.messageId]?.[lang] ?? TEMPLATES.get(f.rule)?.[f.messageId]?.[lang];
  if (template && hasData(template, f)) {
    const cut = template.indexOf(': ');
    // The part before ": " is a subject when it names a place (a row, an area, an indicator, a table),
    // perhaps with plain words and its unit: never a figure, which a list must not cut.
    if (cut > 0 && SUBJECT.test(template.slice(0, cut))) {
      return { subject: formatMessage(template.slice(0, cut), f.data, lang), claim: formatMessage(template.slice(cut + 2), f.data, lang) };
    }
    return { subject: '', claim: formatMessage(template, f.data, lang) };
  }
  return { subject: '', claim: messageText(f, lang) };
}

/** The short text of a finding, one line: "청년 일자리 확대 소요예산 합계: 전략분야 4,197 ≠ 실천과제 합 4,193 (+4, 허용 ±1.5)". */
export function headline(f: Finding, lang: Lang): string {
  const { subject, claim } = headlineParts(f, lang);
  return subject ? `${subject}: ${claim}` : claim;
}

/**
 * The detailed text: the message and the figures, "메시지 (기대 10 · 실제 12 · 차이 +2 · 허용 ±1)" — or the
 * message alone when it already states every one of its figures (the sums do), so nothing is said twice.
 */
export function detail(f: Finding, lang: Lang): string {
  const text = messageText(f, lang);
  if (statesFigures(text, f, lang)) return text;
  const figures = figuresText(f, lang);
  return figures ? `${text} (${figures})` : text;
}

/** True when `text` names the finding's expected and actual figures, its difference and tolerance (those it has), as whole numbers. */
function statesFigures(text: string, f: Finding, lang: Lang): boolean {
  const wanted: string[] = [];
  for (const v of [f.expected, f.actual]) if (v !== null) wanted.push(figureText(v, lang));
  if (!wanted.length) return false;
  if (f.difference !== null && f.difference !== 0) wanted.push(differenceText(f.difference, lang));
  if (f.tolerance !== null) wanted.push(`±${figureText(f.tolerance, lang)}`);
  return wanted.every((w) => containsWhole(text, w));
}

/** `part` in `text`, not inside a longer number (4,193 is not in 14,193 nor in 4,193.5); a word anywhere. */
function containsWhole(text: string, part: string): boolean {
  if (!/^[+\-△±]?\d/.test(part)) return text.includes(part);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
    const end = at + part.length;
    const next = text[end];
    const longer = isDigit(next) || ((next === '.' || next === ',') && isDigit(text[end + 1]));
    if (!isDigit(text[at - 1]) && !longer) return true;
  }
  return false;
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
  if (place.subtotal) parts.push(place.subtotal);
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
