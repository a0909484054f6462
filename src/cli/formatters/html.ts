/**
 * `--format html -o report.html`: one self-contained page for a batch (no network: styles, data and
 * the chart library are inlined). A summary table of every file (지자체, period, counts, unreadable,
 * accepted), sortable and filterable; charts (findings per file and per rule, each plan's 공통 일자리
 * 목표 against the required change, budget per target per 전략분야 with outliers marked) drawn by
 * Chart.js (its UMD build, inlined); per file the findings grouped by table with cells and figures.
 * Printable: the controls hide and each file starts a page.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { cellLabel, messageText, severityName } from '../../core/present';
import { groupedFormat } from '../../core/numbers/format';
import type { Lang, Severity } from '../../core/rules/types';
import { batchCounts, closingLine } from '../batch';
import type { PlanFacts } from '../facts';
import { identityText } from '../identity';
import { isBlank, partlyCleanText, progressWords } from '../../core/present/entered';
import { escapeBidi } from './text';
import type { FileReport, Formatter } from './types';

const T = {
  ko: {
    title: 'jobtarget 검사 보고서',
    file: '파일', region: '지자체', term: '민선', period: '기간', error: '오류', warning: '경고', info: '정보',
    unreadable: '읽지 못함', accepted: '수용', filter: '거르기 (파일·지자체·규칙)', summary: '요약',
    byFile: '파일별 발견 사항', byRule: '규칙별 발견 사항', indicators: '공통 일자리 목표: 마지막 해 증감과 요구 증감',
    budget: '전략분야별 성과목표 1명당 소요예산 (백만원)', outliers: '튀는 값', none: '문제없음', cell: '셀', severity: '심각도',
    message: '메시지', expected: '기대', actual: '실제', tolerance: '허용', rule: '규칙', cells: '관련 셀', notRead: '읽지 않음',
    change: '증감', required: '요구', yes: '예', perTarget: '1명당', noOutliers: '튀는 값이 없습니다',
  },
  en: {
    title: 'jobtarget check report',
    file: 'file', region: 'region', term: 'term', period: 'period', error: 'errors', warning: 'warnings', info: 'info',
    unreadable: 'unreadable', accepted: 'accepted', filter: 'filter (file, region, rule)', summary: 'Summary',
    byFile: 'Findings per file', byRule: 'Findings per rule', indicators: 'Common job targets: change by the last year against the required change',
    budget: 'Budget per person targeted, by strategy area (million KRW)', outliers: 'Outliers', none: 'no problems', cell: 'cell', severity: 'severity',
    message: 'message', expected: 'expected', actual: 'actual', tolerance: 'tolerance', rule: 'rule', cells: 'cells', notRead: 'not read',
    change: 'change', required: 'required', yes: 'yes', perTarget: 'per person', noOutliers: 'no outliers',
  },
};

/** Text for the page: markup escaped, bidi controls shown (\u202e) so a label cannot reverse the figures after it. */
const esc = (s: unknown): string =>
  escapeBidi(String(s ?? '')).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const figures = groupedFormat(0, 2);
const num = (v: number | string | null | undefined): string => (v === null || v === undefined ? '' : typeof v === 'number' ? figures.format(v) : v);

/** JSON inside a <script>: no "</script>" or "<!--" can end it early. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

/** The Chart.js UMD build, inlined so the page needs no network. */
export function chartLibrary(): string {
  const dir = path.dirname(require.resolve('chart.js'));
  return readFileSync(path.join(dir, 'chart.umd.min.js'), 'utf8');
}

export interface BudgetPoint {
  area: string;
  file: string;
  region: string;
  /** 소요예산 per 성과목표 (budget unit per person). */
  perTarget: number;
  outlier: boolean;
}

/** Budget per target of each 전략분야 in each plan; outliers by Tukey's fences within an area name (4 plans or more). */
export function budgetPoints(reports: readonly (FileReport & { facts?: PlanFacts })[]): BudgetPoint[] {
  const points: BudgetPoint[] = [];
  for (const r of reports) {
    for (const a of r.facts?.areas ?? []) {
      if (a.budget === null || a.target === null || a.target <= 0) continue;
      points.push({ area: a.name, file: r.file, region: r.plan?.region ?? r.file, perTarget: Math.round((a.budget / a.target) * 1000) / 1000, outlier: false });
    }
  }
  const byArea = new Map<string, BudgetPoint[]>();
  for (const p of points) byArea.set(p.area, [...(byArea.get(p.area) ?? []), p]);
  for (const group of byArea.values()) {
    if (group.length < 4) continue;
    const v = group.map((p) => p.perTarget).sort((a, b) => a - b);
    const q = (f: number) => {
      const i = (v.length - 1) * f;
      return v[Math.floor(i)] + (v[Math.ceil(i)] - v[Math.floor(i)]) * (i - Math.floor(i));
    };
    const [q1, q3] = [q(0.25), q(0.75)];
    const k = 1.5 * (q3 - q1);
    for (const p of group) p.outlier = p.perTarget < q1 - k || p.perTarget > q3 + k;
  }
  return points;
}

export interface HtmlOptions {
  lang: Lang;
  lockFiles?: number;
  /** The chart library's code (default: Chart.js from node_modules). */
  chartJs?: string;
}

export function formatHtml(reports: readonly (FileReport & { facts?: PlanFacts })[], opts: HtmlOptions): string {
  const t = T[opts.lang];
  const counts = batchCounts(reports, opts.lockFiles ?? 0);
  const rows = reports.map((r, i) => {
    const unreadable = r.error !== null;
    const period = r.plan ? `${r.plan.startYear}~${r.plan.endYear}` : '';
    return `<tr data-file="${i}"><td><a href="#file-${i}">${esc(r.file)}</a></td><td>${esc(r.plan?.region ?? '')}</td><td class="n">${esc(r.plan?.term ?? '')}</td><td>${esc(period)}</td><td class="n" data-k="error">${r.summary.error}</td><td class="n" data-k="warning">${r.summary.warning}</td><td class="n" data-k="info">${r.summary.info}</td><td data-k="unreadable">${unreadable ? esc(r.errorCode === 'not-read' ? t.notRead : t.unreadable) : ''}</td><td class="n" data-k="accepted">${r.accepted?.length ?? 0}</td><td hidden>${esc([...new Set(r.findings.map((f) => f.rule))].join(' '))}</td></tr>`;
  });
  const byRule = new Map<string, Record<Severity, number>>();
  for (const r of reports) for (const f of r.findings) {
    const c = byRule.get(f.rule) ?? { error: 0, warning: 0, info: 0 };
    c[f.severity] += 1;
    byRule.set(f.rule, c);
  }
  const indicators = reports.flatMap((r) => (r.facts?.indicators ?? []).map((x) => ({ plan: r.plan?.region ?? r.file, ...x })));
  const budget = budgetPoints(reports);
  const data = {
    files: reports.map((r) => ({ name: r.plan?.region ? `${r.plan.region} (${path.basename(r.file)})` : path.basename(r.file), ...r.summary })),
    rules: [...byRule.entries()].map(([rule, c]) => ({ rule, ...c })),
    indicators,
    budget,
    words: { error: severityName('error', opts.lang), warning: severityName('warning', opts.lang), info: severityName('info', opts.lang), change: t.change, required: t.required, outliers: t.outliers, perTarget: t.perTarget },
  };
  const sections = reports.map((r, i) => {
    const head = `<h2 id="file-${i}">${esc(r.file)}</h2><p class="who">${esc(r.plan ? identityText(r.plan, opts.lang) : '')}</p>`;
    if (r.error !== null) return `<section class="file">${head}<p class="bad">${esc(r.errorCode === 'not-read' ? t.notRead : t.unreadable)}: ${esc(r.error)}</p></section>`;
    // A plan not fully entered says so (cli/entered.ts): a blank template is not shown as clean.
    const progress = progressWords(r.progress, opts.lang);
    if (r.findings.length === 0) {
      if (progress === null) return `<section class="file">${head}<p class="good">✓ ${esc(t.none)}</p></section>`;
      if (isBlank(r.progress)) return `<section class="file">${head}<p class="progress">○ ${esc(progress)}</p></section>`;
      return `<section class="file">${head}<p class="progress">◐ ${esc(partlyCleanText(opts.lang))}</p><p class="progress">${esc(progress)}</p></section>`;
    }
    const sheets = [...new Set(r.findings.map((f) => f.sheet))];
    const tables = sheets.map((sheet) => {
      const list = r.findings.filter((f) => f.sheet === sheet).map(
        (f) => `<tr class="${f.severity}"><td>${esc(f.cell)}</td><td>${esc(severityName(f.severity, opts.lang))}</td><td>${esc(messageText(f, opts.lang))}</td><td class="n">${esc(num(f.expected))}</td><td class="n">${esc(num(f.actual))}</td><td class="n">${f.tolerance === null ? '' : `±${esc(num(f.tolerance))}`}</td><td><code>${esc(f.rule)}</code></td><td class="cells">${esc(f.refs.map((c) => cellLabel(c)).join(', '))}</td></tr>`,
      );
      return `<h3>${esc(sheet)}</h3><table class="findings"><thead><tr><th>${t.cell}</th><th>${t.severity}</th><th>${t.message}</th><th>${t.expected}</th><th>${t.actual}</th><th>${t.tolerance}</th><th>${t.rule}</th><th>${t.cells}</th></tr></thead><tbody>${list.join('')}</tbody></table>`;
    });
    const entered = progress === null ? '' : `<p class="progress">${esc(progress)}</p>`;
    return `<section class="file">${head}<p>${esc(t.error)} ${r.summary.error} · ${esc(t.warning)} ${r.summary.warning} · ${esc(t.info)} ${r.summary.info}</p>${entered}${tables.join('')}</section>`;
  });
  const outlierRows = budget.filter((p) => p.outlier).map((p) => `<tr><td>${esc(p.area)}</td><td>${esc(p.region)}</td><td>${esc(p.file)}</td><td class="n">${num(p.perTarget)}</td></tr>`);
  return `<!doctype html>
<html lang="${opts.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(t.title)}</title>
<style>
body{font-family:"Malgun Gothic","Noto Sans CJK KR","Apple SD Gothic Neo",sans-serif;margin:24px;color:#1f1f1f;font-size:14px}
h1{font-size:22px;margin:0 0 4px} h2{font-size:18px;margin:28px 0 2px;border-top:2px solid #ccc;padding-top:12px} h3{font-size:15px;margin:14px 0 4px}
table{border-collapse:collapse;margin:6px 0 12px} th,td{border:1px solid #c8c8c8;padding:3px 7px;vertical-align:top} th{background:#dce6f1;cursor:pointer;white-space:nowrap}
td.n{text-align:right;font-variant-numeric:tabular-nums} .findings td.cells{font-size:12px;color:#555;max-width:280px}
tr.error td:nth-child(2){color:#b00020;font-weight:bold} tr.warning td:nth-child(2){color:#9a6700;font-weight:bold} tr.info td:nth-child(2){color:#0b6e99}
.bad{color:#b00020} .good{color:#1a7f37} .progress{color:#7a5200} .who{color:#555;margin:0 0 6px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px} .chart{border:1px solid #ddd;padding:8px} .chart h3{margin-top:0}
canvas{max-width:100%} input.filter{font-size:14px;padding:4px 8px;width:320px;margin:6px 0}
@media print{input.filter{display:none} section.file{break-before:page} .charts{display:block} .chart{break-inside:avoid;margin-bottom:12px} th{cursor:default} body{margin:0}}
</style></head><body>
<h1>${esc(t.title)}</h1>
<p id="closing">${esc(closingLine(counts, opts.lang))}</p>
<h2>${esc(t.summary)}</h2>
<input class="filter" id="filter" placeholder="${esc(t.filter)}" aria-label="${esc(t.filter)}">
<table id="summary"><thead><tr><th data-sort="text">${t.file}</th><th data-sort="text">${t.region}</th><th data-sort="num">${t.term}</th><th data-sort="text">${t.period}</th><th data-sort="num">${t.error}</th><th data-sort="num">${t.warning}</th><th data-sort="num">${t.info}</th><th data-sort="text">${t.unreadable}</th><th data-sort="num">${t.accepted}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
<div class="charts">
<div class="chart"><h3>${esc(t.byFile)}</h3><canvas id="chart-files"></canvas></div>
<div class="chart"><h3>${esc(t.byRule)}</h3><canvas id="chart-rules"></canvas></div>
<div class="chart"><h3>${esc(t.indicators)}</h3><canvas id="chart-indicators"></canvas></div>
<div class="chart"><h3>${esc(t.budget)}</h3><canvas id="chart-budget"></canvas>
<h3>${esc(t.outliers)}</h3>${outlierRows.length ? `<table id="outliers"><tbody>${outlierRows.join('')}</tbody></table>` : `<p id="outliers">${esc(t.noOutliers)}</p>`}</div>
</div>
${sections.join('\n')}
<script id="data" type="application/json">${scriptJson(data)}</script>
<script>${(opts.chartJs ?? chartLibrary()).replace(/<\/script/gi, '<\\/script')}</script>
<script>
(function(){
  var data = JSON.parse(document.getElementById('data').textContent);
  var w = data.words;
  // Sort the summary by a column (click again: the other way); filter its rows by any text.
  var table = document.getElementById('summary'), body = table.tBodies[0];
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function(th, col){
    th.addEventListener('click', function(){
      var num = th.getAttribute('data-sort') === 'num', dir = th.getAttribute('data-dir') === 'asc' ? -1 : 1;
      th.setAttribute('data-dir', dir === 1 ? 'asc' : 'desc');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function(a, b){
        var x = a.cells[col].textContent, y = b.cells[col].textContent;
        return dir * (num ? (Number(x) || 0) - (Number(y) || 0) : x.localeCompare(y, 'ko'));
      });
      rows.forEach(function(r){ body.appendChild(r); });
    });
  });
  document.getElementById('filter').addEventListener('input', function(e){
    var q = e.target.value.trim().toLowerCase();
    Array.prototype.forEach.call(body.rows, function(r){ r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0; });
  });
  if (typeof Chart === 'undefined') return;
  Chart.defaults.animation = false;
  var colors = { error: '#c62828', warning: '#f9a825', info: '#0277bd' };
  function stacked(id, labels, rows){
    new Chart(document.getElementById(id), { type: 'bar', data: { labels: labels, datasets: ['error', 'warning', 'info'].map(function(k){
      return { label: w[k], data: rows.map(function(r){ return r[k]; }), backgroundColor: colors[k] }; }) },
      options: { indexAxis: 'y', responsive: true, scales: { x: { stacked: true }, y: { stacked: true } } } });
  }
  stacked('chart-files', data.files.map(function(f){ return f.name; }), data.files);
  stacked('chart-rules', data.rules.map(function(r){ return r.rule; }), data.rules);
  new Chart(document.getElementById('chart-indicators'), { type: 'bar', data: {
    labels: data.indicators.map(function(i){ return i.plan + ' · ' + i.name; }),
    datasets: [
      { label: w.change, data: data.indicators.map(function(i){ return i.change; }), backgroundColor: data.indicators.map(function(i){ return i.change !== null && i.change + 1e-9 < i.required ? '#c62828' : '#2e7d32'; }) },
      { label: w.required, data: data.indicators.map(function(i){ return i.required; }), type: 'line', borderColor: '#555', backgroundColor: '#555', showLine: false, pointStyle: 'line', pointRadius: 12 }
    ] }, options: { indexAxis: 'y', responsive: true } });
  var areas = Array.from(new Set(data.budget.map(function(p){ return p.area; })));
  new Chart(document.getElementById('chart-budget'), { type: 'scatter', data: { datasets: [
    { label: w.perTarget, data: data.budget.filter(function(p){ return !p.outlier; }).map(function(p){ return { x: areas.indexOf(p.area), y: p.perTarget, region: p.region }; }), backgroundColor: '#0277bd' },
    { label: w.outliers, data: data.budget.filter(function(p){ return p.outlier; }).map(function(p){ return { x: areas.indexOf(p.area), y: p.perTarget, region: p.region }; }), backgroundColor: '#c62828', pointRadius: 7, pointStyle: 'triangle' }
  ] }, options: { responsive: true, scales: { x: { type: 'linear', min: -0.5, max: areas.length - 0.5, ticks: { stepSize: 1, callback: function(v){ return areas[v] || ''; } } } },
    plugins: { tooltip: { callbacks: { label: function(c){ return c.raw.region + ': ' + c.raw.y; } } } } } });
})();
</script>
</body></html>
`;
}

export const html: Formatter = {
  name: 'html',
  needsFindings: true,
  end: (reports, ctx) => formatHtml(reports, { lang: ctx.lang, lockFiles: ctx.lockFiles }),
};
