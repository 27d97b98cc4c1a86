// Where an error summary's line about a field takes the reader: its first control.
const FIRST_CONTROL: Record<string, string> = { opensAt: '#opens-date', closesAt: '#closes-date' };

export const voteFieldHref = (field: string) => FIRST_CONTROL[field] ?? `#${field}`;
