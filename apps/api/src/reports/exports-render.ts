// The renderer process an export job starts (exports-renderer.ts): it is told
// the format and the report document over IPC, says when the renderers are
// loaded, and answers with the file's bytes or the error, then exits. Making
// files here keeps Chromium and the docx layout off the thread that serves
// requests, and a renderer that hangs or crashes takes only this process.
import type { ReportDocument } from './model';
import { type ExportFormat, loadRenderers, renderFile } from './exports-render-file';

export type RenderRequest = { format: ExportFormat; document: ReportDocument };
export type RenderMessage = { type: 'ready' } | { type: 'file'; bytes: Uint8Array } | { type: 'error'; message: string };

const send = (message: RenderMessage) => new Promise<void>((resolve) => process.send?.(message, undefined, undefined, () => resolve()));

// Its server gone, nobody is left to take the file: stop (Chromium goes with this process).
process.once('disconnect', () => process.exit(1));

process.once('message', async (request: RenderRequest) => {
  let code = 0;
  try {
    const renderers = await loadRenderers();
    await send({ type: 'ready' });
    try {
      await send({ type: 'file', bytes: await renderFile(renderers, request.format, request.document) });
    } finally {
      await renderers.closePdfBrowser();
    }
  } catch (error) {
    code = 1;
    await send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
  process.exit(code);
});
