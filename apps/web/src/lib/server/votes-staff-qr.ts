// QR codes for voting-code slips: inline SVG made on the server by the
// qrcode package, so the slips page needs no script and no image requests,
// named for screen readers (role="img" and an aria-label).
import QRCode from 'qrcode';

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  // A function, not a string: `$&` and the like in the label are kept as typed.
  return svg.replace('<svg ', () => `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `);
}
