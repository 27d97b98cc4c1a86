// An access code carried in a link (?code=, from a QR code on a slip or a
// class-code poster), as the start page fills it in: only the letters,
// digits and dashes a code is made of, at most 40 of them; anything else is
// dropped, so a hand-typed or mangled link fills in what it can.
export function codeFromLink(value: string | null): string {
  return (value ?? '').replace(/[^A-Za-z0-9-]/g, '').slice(0, 40);
}
