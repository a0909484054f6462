/** What every panel needs: the strings of the current language and the Excel services. */
import { createContext, useContext } from 'react';
import type { Lang } from '../core/rules/types';
import { translator, type Translate } from './i18n';
import type { PaneServices } from './services';

export interface PaneContextValue {
  lang: Lang;
  t: Translate;
  services: PaneServices | null;
}

export const PaneContext = createContext<PaneContextValue>({ lang: 'ko', t: translator('ko'), services: null });

export function usePane(): PaneContextValue {
  return useContext(PaneContext);
}
