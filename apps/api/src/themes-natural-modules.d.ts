// @safer-voices/themes exports its TypeScript source, which imports parts of
// `natural` typed by the themes package's own declarations; type checking the
// API reads that source too, so it needs them as well.
/// <reference path="../../../packages/themes/src/natural-modules.d.ts" />
