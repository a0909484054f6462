/** Light or dark, following Office's theme (dark when the body background is dark). */

export type ThemeName = 'light' | 'dark';

/** Relative luminance (0–1) of a #rgb / #rrggbb colour; null when it can't be parsed. */
export function luminance(color: string | null | undefined): number | null {
  if (!color) return null;
  let hex = color.trim().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/i.test(hex)) hex = hex.split('').map((c) => c + c).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) return null;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function themeFromBackground(bodyBackgroundColor: string | null | undefined): ThemeName {
  const l = luminance(bodyBackgroundColor);
  return l !== null && l < 0.4 ? 'dark' : 'light';
}
