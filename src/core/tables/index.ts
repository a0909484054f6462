/**
 * Every table kind the reader knows, one module each (like the rules). Order matters only for
 * reading: the 개요 and title lines first (they give the period), the 분야별 목표 before the 실천과제
 * (tasks link to areas), the overview of tasks by area before the tasks.
 */
import { annualTable } from './annual';
import { areasTable } from './areas';
import { indicatorsTable } from './indicators';
import { strategyMapTable } from './links';
import { overviewTable, titleLines } from './overview';
import { resultsTable } from './results';
import { proseResults } from './results-prose';
import { tasksTable } from './tasks';
import type { TableKind, TableMatch } from './types';

export const TABLE_KINDS: readonly TableKind<TableMatch>[] = [
  overviewTable,
  titleLines,
  indicatorsTable,
  areasTable,
  strategyMapTable,
  tasksTable,
  resultsTable,
  proseResults,
  annualTable,
] as unknown as readonly TableKind<TableMatch>[];
