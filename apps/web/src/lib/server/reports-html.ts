// The report renderers the web pages embed: the report and its easy-read
// version as an <article class="sv-report">, and the CSS for it (served as a
// file at /reports/report.css, since the pages allow no inline style). Taken
// from the reports package's HTML module alone: its index also brings the
// Word and PDF builders, which the web server never runs.
export { easyReadBodyHtml, REPORT_CSS, reportBodyHtml } from '../../../../../packages/reports/src/html.ts';
export type { ReportDocument } from '../../../../../packages/reports/src/model.ts';
