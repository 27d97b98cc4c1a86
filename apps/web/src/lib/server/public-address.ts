// What a public address (/v/<slug>, /reports/<slug>, an organisation's) can
// be, checked before it goes into the API's path: the typed client puts a
// parameter in as it is, so "../results" must never reach another route.
const PUBLIC_ADDRESS = /^[a-z0-9][a-z0-9-]{0,99}$/;

export const isPublicAddress = (s: string) => PUBLIC_ADDRESS.test(s);
