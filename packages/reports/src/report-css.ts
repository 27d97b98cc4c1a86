// The report's styles, inline in every HTML output. Every rule is scoped to
// .sv-report so the public page can use them inside the product's layout.
// Colours and sizes follow the product's GOV.UK-like look. Long words wrap
// and, on a phone, tables are set a little smaller so they fit at 320 px;
// a table too wide even so scrolls in its own box, never the page, and its
// caption wraps to the box's width (container units) and stays in view while
// the table scrolls under it. Print rules start each section on a new page,
// keep figures, quotes, rows and short tables whole, keep headings, captions
// and header rows with what follows, and repeat a long table's header row.
export const REPORT_CSS = `
.sv-report{color:#0b0c0c;background:#fff;font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:1rem;line-height:1.5;max-width:48rem;margin:0 auto;padding:1rem;overflow-wrap:break-word;box-sizing:border-box}
.sv-report *{box-sizing:border-box}
.sv-report h1{font-size:2rem;line-height:1.2;margin:0 0 1rem}
.sv-report h2{font-size:1.5rem;line-height:1.25;margin:2.5rem 0 1rem}
.sv-report h3{font-size:1.1875rem;line-height:1.3;margin:2rem 0 .75rem}
.sv-report p,.sv-report ul,.sv-report ol{margin:0 0 1rem}
.sv-report a{color:#1d70b8;text-decoration:underline;text-underline-offset:.1em}
.sv-report a:visited{color:#4c2c92}
.sv-report a:focus{outline:3px solid transparent;color:#0b0c0c;background:#fd0;box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.sv-report .sv-organisation{font-size:1.1875rem;margin-bottom:.25rem}
.sv-report .sv-meta{color:#505a5f}
.sv-report .sv-status-draft{display:inline-block;padding:0 .4rem;border:2px solid #0b0c0c;font-weight:700;color:#0b0c0c}
.sv-report .sv-contents ol{padding-inline-start:1.5rem}
.sv-report .sv-contents li{margin-bottom:.25rem}
.sv-report .sv-table{max-width:100%;overflow-x:auto;margin:0 0 1.5rem;container-type:inline-size}
.sv-report .sv-table:focus{outline:3px solid #fd0;box-shadow:0 0 0 6px #0b0c0c}
.sv-report table{border-collapse:collapse;width:100%}
.sv-report caption{text-align:start;font-weight:700;padding-bottom:.5rem;max-width:100cqi;position:sticky;inset-inline-start:0}
.sv-report th,.sv-report td{text-align:start;vertical-align:top;padding:.5rem 1rem .5rem 0;border-bottom:1px solid #b1b4b6}
.sv-report thead th{border-bottom:2px solid #0b0c0c}
.sv-report tbody th{font-weight:400}
.sv-report .sv-num{text-align:end;font-variant-numeric:tabular-nums}
.sv-report .sv-table-notes{margin:-.75rem 0 1.5rem}
.sv-report .sv-table-notes p{margin-bottom:.25rem}
.sv-report .sv-table-notes .sv-notes-label{font-weight:700}
.sv-report .sv-table-notes .sv-figures{color:#505a5f}
.sv-report figure{margin:0 0 1.5rem}
.sv-report .sv-chart figcaption{font-weight:700;margin-bottom:.5rem}
.sv-report .sv-chart svg{display:block;width:100%;max-width:40rem;height:auto}
.sv-report .sv-chart-narrow{display:none}
.sv-report blockquote{margin:0;padding:.25rem 0 .25rem 1rem;border-inline-start:5px solid #1d70b8;font-size:1.1875rem}
.sv-report blockquote p{margin:0}
.sv-report .sv-quote figcaption{color:#505a5f;padding-inline-start:1.3rem;margin-top:.25rem}
.sv-report .sv-yswd{list-style:none;padding:0}
.sv-report .sv-yswd>li{border-top:2px solid #1d70b8;padding:.75rem 0;margin:0}
.sv-report .sv-yswd dl{margin:0}
.sv-report .sv-yswd dl>div{margin-bottom:.5rem}
.sv-report .sv-yswd dt{font-weight:700}
.sv-report .sv-yswd dd{margin:0}
.sv-report.sv-easy-read{font-size:1.375rem;line-height:1.6}
.sv-report.sv-easy-read h1{font-size:2.25rem}
.sv-report.sv-easy-read h2{font-size:1.75rem}
.sv-report .sv-lines{list-style:none;padding:0}
.sv-report .sv-lines li{margin-bottom:1rem}
@media (max-width:40em){.sv-report th,.sv-report td{font-size:.875rem;padding-right:.5rem}}
@media screen and (max-width:30em){.sv-report .sv-chart-wide{display:none}.sv-report .sv-chart-narrow{display:block}.sv-report .sv-chart-narrow svg{max-width:22.5rem}}
@page{size:A4;margin:20mm 16mm}
@media print{
.sv-report{max-width:none;padding:0;font-size:11pt}
.sv-report .sv-section{break-before:page}
.sv-report.sv-easy-read .sv-section,.sv-report .sv-contents+.sv-section{break-before:auto}
.sv-report h2,.sv-report h3,.sv-report caption,.sv-report figcaption,.sv-report thead{break-after:avoid}
.sv-report figure,.sv-report tr,.sv-report .sv-yswd>li,.sv-report .sv-table-short,.sv-report .sv-table-notes{break-inside:avoid}
.sv-report .sv-table:has(+.sv-table-notes){break-after:avoid}
.sv-report tbody tr:first-child,.sv-report tbody tr:nth-child(2){break-before:avoid}
.sv-report .sv-table{overflow:visible}
.sv-report thead{display:table-header-group}
.sv-report a{color:#0b0c0c}
}
`;
