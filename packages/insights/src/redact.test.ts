import { describe, expect, it } from 'vitest';
import { mapSpan, redact, redactedAnswer } from './redact';

const r = (text: string, extraTerms?: string[]) => redact(text, { extraTerms }).text;

describe('redact: contacts', () => {
  it.each([
    ['text me on 07700 900123 after school', 'text me on [phone] after school'],
    ['my mum is 07700900123.', 'my mum is [phone].'],
    ['call +44 7700 900123 or +44 (0)20 7946 0018', 'call [phone] or [phone]'],
    ['home is 0121 496 0000', 'home is [phone]'],
    ['ring (01632) 960 001 please', 'ring [phone] please'],
    ['email jack.smith99@example.co.uk', 'email [email]'],
    ['Write to Help@Youth-Service.org.', 'Write to [email].']
  ])('%s', (input, expected) => expect(r(input)).toBe(expected));

  it('keeps helpline and service numbers, and numbers that are not phones', () => {
    for (const text of ['Childline is 0800 1111', 'NSPCC on 0808 800 5000 helped', 'the council number 0300 123 4567', 'about 12000000000 views', 'in 2023 there were 15 fights']) {
      expect(r(text)).toBe(text);
    }
  });
});

describe('redact: addresses and postcodes', () => {
  it.each([
    ['I live at 12 Park Road, near the shop', 'I live at [address], near the shop'],
    ['she lives at 4a Kings Close', 'she lives at [address]'],
    ['Flat 3, 27 Mill Lane got broken into', '[address] got broken into'],
    ['it was outside 221b baker street', 'it was outside [address]'],
    ['postcode B12 9RT is where it happened', 'postcode [postcode] is where it happened'],
    ['we are in sw1a 1aa', 'we are in [postcode]'],
    ['12 Park Road, B12 9RT', '[address], [postcode]']
  ])('%s', (input, expected) => expect(r(input)).toBe(expected));

  it('keeps street names without a house number, areas and ordinary numbers', () => {
    for (const text of [
      'Park Road is dark and there are no lights',
      'people hang around on Station Street at night',
      'the B12 area feels unsafe',
      'we walked 2 miles down the road',
      'there were 3 boys on the street',
      'I saw 5 people near the close',
      'Year 9 students get picked on'
    ]) {
      expect(r(text)).toBe(text);
    }
  });
});

describe('redact: names', () => {
  it.each([
    ['Jack keeps pushing me', '[name] keeps pushing me'],
    ['Jack Smith keeps pushing me', '[name] keeps pushing me'],
    ['my name is keira and i am scared', 'my name is [name] and i am scared'],
    ["My name's Tomasz Nowak", "My name's [name]"],
    ['Mr Henderson never listens', '[name] never listens'],
    ['tell Miss Okafor-Jones', 'tell [name]'],
    ['a boy called Deshawn took my phone', 'a boy called [name] took my phone'],
    ['Aisha and Olivia walk home together', '[name] and [name] walk home together'],
    ['Siobhán’s mum and Zoë said', '[name]’s mum and [name] said'],
    ['my cousin jack keeps pushing me', 'my cousin [name] keeps pushing me'],
    ['tom jones hit me', '[name] hit me'],
    ['my friend charlie was there', 'my friend [name] was there']
  ])('%s', (input, expected) => expect(r(input)).toBe(expected));

  it('keeps words and places that look like names', () => {
    for (const text of [
      'I will grace the party with hope',
      'Will it get better? I hope so.',
      'Victoria Park is scary at night',
      'outside St John’s church',
      'near Alexandra Park',
      'I miss my friends',
      'they called the police',
      'my name is not important',
      'may be safer',
      'sam said hi',
      'they were selling charlie',
      'jack up the price',
      'The Grove is where the fights happen'
    ]) {
      expect(r(text)).toBe(text);
    }
  });
});

describe('redact: quotes a tester found in a published report', () => {
  it.each([
    ['…ask [name] at Northfield Academy', '…ask [name] at [school]'],
    ['…in Year 9 at Hillcrest High School…', '…in Year 9 at [school]…'],
    ['my mate jordan pike has a blade, his snap is @jordyp_07', 'my mate [name] has a blade, his snap is [handle]'],
    ['[name] and Siobhan from year 10 were stabbed outside Greggs on Stall Street', '[name] and [name] from year 10 were stabbed outside Greggs on Stall Street'],
    ['instagram.com/kev.o', '[handle]']
  ])('%s', (input, expected) => expect(r(input)).toBe(expected));
});

describe('redact: names in other scripts', () => {
  it('takes words in another script out of an answer written mostly in English', () => {
    expect(redact('Knives in the park 😢🔪 — Олег and 李明 saw a stabbing near the shops').text).toBe('Knives in the park 😢🔪 — [name] and [name] saw a stabbing near the shops');
    expect(redact('My friend Σοφία was followed home').text).toBe('My friend [name] was followed home');
  });

  it('leaves an answer written in another script to its own words', () => {
    const arabic = 'لا أشعر بالأمان في الحديقة ليلاً';
    expect(redact(arabic).text).toBe(arabic);
    const polish = 'Nie czuję się bezpiecznie w parku wieczorem';
    expect(redact(polish).text).toBe(polish);
  });
});

describe('redact: social media', () => {
  it.each([
    ['follow @kev.o_12.', 'follow [handle].'],
    ['see https://www.tiktok.com/@kev.o_12 and x.com/kevo', 'see [handle] and [handle]'],
    ['youtube.com/@kev and facebook.com/kevin.o.99', '[handle] and [handle]'],
    ['snapchat.com/add/jordyp07 or sc: jordyp', '[handle] or sc: [handle]'],
    ['his snap is jay_b', 'his snap is [handle]']
  ])('%s', (input, expected) => expect(r(input)).toBe(expected));

  it('leaves e-mail addresses to the e-mail rule and ordinary words alone', () => {
    expect(r('mail kev.o@example.com')).toBe('mail [email]');
    for (const text of ['meet @ the park', 'my snap is broken', 'on instagram and tiktok all day', 'go to x.com for news']) expect(r(text)).toBe(text);
  });
});

describe('redact: schools', () => {
  it.each([
    ["St Mary's Primary is ok", '[school] is ok'],
    ['i go to northfield academy', 'i go to [school]'],
    ['at Oak Park Sixth Form College', 'at [school]'],
    ['we go to Hillcrest high school, year 9', 'we go to [school], year 9']
  ])('%s', (input, expected) => expect(r(input)).toBe(expected));

  it('keeps schools in general and streets named after them', () => {
    for (const text of [
      'I will go to school',
      'the park near the high street',
      'more things to do at college',
      'Going to school is scary',
      'my old school was better',
      'Secondary school is hard',
      'High school sucks',
      'the football academy is free',
      'School Lane is dark'
    ]) {
      expect(r(text)).toBe(text);
    }
  });
});

describe('redact: organisation terms', () => {
  it('replaces whole words in any case, longest first', () => {
    const terms = ['Oakfield Academy', 'Oakfield', 'Patel'];
    expect(r('OAKFIELD ACADEMY is fine but oakfield park is not', terms)).toBe('[redacted] is fine but [redacted] park is not');
    expect(r('Mrs Patel helped. Patels shop is open', terms)).toBe('[name] helped. Patels shop is open');
    expect(r('mrs patel helped', terms)).toBe('mrs [redacted] helped');
    expect(r('ask patel', terms)).toBe('ask [redacted]');
  });
  it('treats terms literally, not as patterns', () => {
    expect(r('St. Mary (C of E) school is good', ['St. Mary (C of E)'])).toBe('[redacted] school is good');
    expect(r('Staff member X.Y', ['.*'])).toBe('Staff member X.Y');
  });
});

describe('replacements and mapSpan', () => {
  const original = 'Jack said 07700 900123 is his number and he lives at 12 Park Road';
  const result = redact(original);

  it('records where each placeholder came from, without keeping the text', () => {
    expect(result.text).toBe('[name] said [phone] is his number and he lives at [address]');
    expect(result.replacements.map((x) => x.kind)).toEqual(['name', 'phone', 'address']);
    for (const x of result.replacements) {
      expect(result.text.slice(x.newStart, x.newEnd)).toBe(`[${x.kind}]`);
      expect(Object.keys(x)).not.toContain('original');
    }
  });
  it('shifts spans after replacements', () => {
    const start = original.indexOf('is his number');
    const mapped = mapSpan({ start, end: start + 'is his number'.length }, result.replacements);
    expect(result.text.slice(mapped.start, mapped.end)).toBe('is his number');
  });
  it('widens spans that cut into a replaced stretch', () => {
    const start = original.indexOf('900123');
    const mapped = mapSpan({ start, end: original.indexOf(' his') }, result.replacements);
    expect(result.text.slice(mapped.start, mapped.end)).toBe('[phone] is');
    const whole = mapSpan({ start: 0, end: original.length }, result.replacements);
    expect(whole).toEqual({ start: 0, end: result.text.length });
  });
  it('leaves spans alone when nothing was redacted', () => {
    expect(mapSpan({ start: 3, end: 9 }, redact('nothing to see here').replacements)).toEqual({ start: 3, end: 9 });
    expect(() => mapSpan({ start: 5, end: 2 }, [])).toThrow(RangeError);
  });
});

describe('redactedAnswer', () => {
  it('moves the coder’s evidence onto the redacted text, joining spans that now touch', () => {
    const original = 'Kids at Oak Academy carry knives, ring 07700 900123';
    const answer = redactedAnswer(original, ['Oak Academy']);
    expect(answer.text).not.toContain('Oak Academy');
    expect(answer.text).not.toContain('07700');
    const knives = { start: original.indexOf('knives'), end: original.indexOf('knives') + 6 };
    const carry = { start: original.indexOf('carry'), end: original.indexOf('carry') + 5 };
    const [span] = answer.mapEvidence([knives, { start: carry.start, end: knives.start }]);
    expect(answer.text.slice(span?.start, span?.end)).toBe('carry knives');
    expect(answer.mapEvidence([{ start: 3, end: 3 }])).toEqual([]);
  });
});

describe('redact: any text', () => {
  // Seeded, so a failure is repeatable: strings of any code points, with the words the rules look for mixed in.
  let seed = 42;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['@', '.', ' ', 'Academy', 'school', 'High', 'jack', 'Siobhan', 'snap is ', 'sc:', 'instagram.com/', 'x.com/', '07700 900123', '[name]', '’s', '\u0301', '\n'];
  const anyText = () =>
    Array.from({ length: next(12) }, () => (next(3) === 0 ? (pieces[next(pieces.length)] ?? '') : String.fromCodePoint(next(4) === 0 ? next(0x10ffff - 0xe000) + 0xe000 : next(0x3000)))).join('');

  it('never throws, and keeps the text between placeholders as it was', () => {
    for (let i = 0; i < 3000; i++) {
      const text = anyText();
      const { text: out, replacements } = redact(text);
      const placeholders = replacements.reduce((n, x) => n + (x.newEnd - x.newStart), 0);
      expect(out.length).toBeLessThanOrEqual(text.length + placeholders);
      let cursor = 0;
      let rebuilt = '';
      for (const x of replacements) {
        expect(out.slice(x.newStart, x.newEnd)).toBe(`[${x.kind}]`);
        rebuilt += text.slice(cursor, x.start) + out.slice(x.newStart, x.newEnd);
        cursor = x.end;
      }
      expect(rebuilt + text.slice(cursor)).toBe(out);
      expect(() => redact(out)).not.toThrow();
    }
  });
});
