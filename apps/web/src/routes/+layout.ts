// Respondent pages are plain HTML and CSS: they work without JavaScript on
// old phones and slow networks, and send none of SvelteKit's client code.
export const csr = false;
