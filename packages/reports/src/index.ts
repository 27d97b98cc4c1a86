export { svgToPng } from './chart-png';
export { axisTicks, CHART_FONT, chartSvg } from './chart-svg';
export { reportDocx } from './docx';
export { EASY_READ_SIZES, easyReadDocx, NoEasyReadError } from './easy-read-docx';
export { easyReadBodyHtml, easyReadHtml, REPORT_CSS, reportBodyHtml, reportHtml } from './html';
export * from './model';
export { closePdfBrowser, openPdfPages, reportPdf } from './pdf';
