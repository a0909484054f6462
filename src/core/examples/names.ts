/** The built-in examples' names alone, so a front end can list them without loading the examples (a test keeps this in step with index.ts). */
export const EXAMPLE_NAMES: readonly string[] = ['incheon-seogu-2023', 'sejong-2024'];

/** The example used when none is named (`--example` alone). */
export const DEFAULT_EXAMPLE = 'incheon-seogu-2023';
