import { describe, expect, it } from 'vitest';
import { matcherInput } from '../../lib/kb/matcher-input';
import type { Entity } from '../../lib/kb/types';
import { AliasFlag, compileMatcher, findMentions, matcherInUse, storedMatcher } from '../../lib/matcher';

type Mini = Pick<Entity, 'id' | 'name' | 'type' | 'aliases' | 'related'>;

const KB: Mini[] = [
  {
    id: 'country:usa',
    type: 'country',
    name: 'United States',
    aliases: ['US', 'U.S.', 'USA', { text: 'American', demonym: true }, { text: 'Latin American', stop: true }],
    related: ['city:washington-us'],
  },
  {
    id: 'country:mng',
    type: 'country',
    name: 'Mongolia',
    aliases: [
      { text: 'Mongolian', demonym: true },
      { text: 'Mongolians', demonym: true },
    ],
    related: ['city:ulaanbaatar-mn', 'country:chn'],
  },
  { id: 'country:chn', type: 'country', name: 'China', aliases: [{ text: 'China', cased: true }], related: ['country:mng'] },
  {
    id: 'country:tur',
    type: 'country',
    name: 'Türkiye',
    aliases: [{ text: 'Turkey', common: true }],
    related: ['city:ankara-tr', 'country:grc'],
  },
  { id: 'country:grc', type: 'country', name: 'Greece', aliases: [], related: ['country:tur'] },
  { id: 'city:ankara-tr', type: 'city', name: 'Ankara', aliases: [], related: ['country:tur'] },
  { id: 'city:ulaanbaatar-mn', type: 'city', name: 'Ulaanbaatar', aliases: ['Ulan Bator'], related: ['country:mng'] },
  { id: 'city:washington-us', type: 'city', name: 'Washington, D.C.', aliases: ['Washington'], related: ['country:usa'] },
  { id: 'city:hyderabad-in', type: 'city', name: 'Hyderabad', aliases: [], related: ['country:ind'] },
  { id: 'city:hyderabad-pk', type: 'city', name: 'Hyderabad', aliases: [], related: ['country:pak'] },
  { id: 'country:ind', type: 'country', name: 'India', aliases: [], related: [] },
  { id: 'country:pak', type: 'country', name: 'Pakistan', aliases: [], related: ['city:karachi-pk'] },
  { id: 'city:karachi-pk', type: 'city', name: 'Karachi', aliases: [], related: ['country:pak'] },
  {
    id: 'person:khurelsukh-ukhnaa',
    type: 'person',
    name: 'Khurelsukh Ukhnaa',
    aliases: ['Khürelsükh', 'Ukhnaagiin Khürelsükh'],
    related: ['country:mng'],
  },
  {
    id: 'org:sco',
    type: 'organization',
    name: 'Shanghai Cooperation Organisation',
    aliases: ['SCO', 'Shanghai Cooperation Organization'],
    related: [],
  },
  { id: 'org:un', type: 'organization', name: 'United Nations', aliases: ['UN', 'U.N.'], related: [] },
  {
    id: 'org:un-security-council',
    type: 'organization',
    name: 'United Nations Security Council',
    aliases: ['UN Security Council'],
    related: [],
  },
  { id: 'treaty:rome-statute', type: 'treaty', name: 'Rome Statute', aliases: [], related: [] },
  { id: 'org:icc', type: 'organization', name: 'International Criminal Court', aliases: ['ICC'], related: [] },
  { id: 'city:rome-it', type: 'city', name: 'Rome', aliases: [], related: [] },
  {
    id: 'org:quad',
    type: 'organization',
    name: 'Quadrilateral Security Dialogue',
    aliases: [{ text: 'Quad', common: true }],
    related: ['country:usa'],
  },
];

const matcher = compileMatcher(matcherInput(KB));

/** The mentions of a text as [surface, entity id] pairs. */
function mentions(text: string, breaks?: number[]): [string, string][] {
  return findMentions(matcher, text, breaks).map((m) => [text.slice(m.start, m.end), matcher.entityIds[m.entity]]);
}

describe('whole words', () => {
  it('matches a name standing alone', () => {
    expect(mentions('Talks in Mongolia began.')).toEqual([['Mongolia', 'country:mng']]);
  });
  it('never matches inside a longer word', () => {
    expect(mentions('Mongoliaphiles and proto-Romeans met; USAID paid.')).toEqual([]);
    expect(mentions('A Romeo met SCOTUS.')).toEqual([]);
  });
  it('matches next to punctuation and hyphens', () => {
    expect(mentions('(Mongolia), U.S.-Mongolian ties')).toEqual([
      ['Mongolia', 'country:mng'],
      ['U.S.', 'country:usa'],
      ['Mongolian', 'country:mng'],
    ]);
  });
  it('treats a block boundary as a word boundary and never matches across it', () => {
    const text = 'MongoliaChina';
    expect(mentions(text)).toEqual([]);
    expect(mentions(text, [8])).toEqual([
      ['Mongolia', 'country:mng'],
      ['China', 'country:chn'],
    ]);
    expect(mentions('Rome Statute', [5])).toEqual([['Rome', 'city:rome-it']]);
  });
});

describe('longest match, no overlaps', () => {
  it('prefers the longer alias at the same start', () => {
    expect(mentions('the United Nations Security Council voted')).toEqual([['United Nations Security Council', 'org:un-security-council']]);
  });
  it('keeps the court separate from the treaty named after it', () => {
    expect(mentions('the Rome Statute of the International Criminal Court')).toEqual([
      ['Rome Statute', 'treaty:rome-statute'],
      ['International Criminal Court', 'org:icc'],
    ]);
  });
  it('falls back to a shorter alias when the longer one does not complete', () => {
    expect(mentions('the United Nations Security talks')).toEqual([['United Nations', 'org:un']]);
  });
  it('a stop phrase absorbs the name inside it', () => {
    expect(mentions('Latin American leaders met American diplomats')).toEqual([['American', 'country:usa']]);
  });
});

describe('case rules', () => {
  it('matches acronyms only in capitals', () => {
    expect(mentions('Let us go to the US and the SCO.')).toEqual([
      ['US', 'country:usa'],
      ['SCO', 'org:sco'],
    ]);
    expect(mentions('tell us about sco and Us')).toEqual([]);
  });
  it('matches names whatever their case', () => {
    expect(mentions('MONGOLIA and mongolia')).toEqual([
      ['MONGOLIA', 'country:mng'],
      ['mongolia', 'country:mng'],
    ]);
  });
  it('a cased alias needs its capital', () => {
    expect(mentions('fine china from China')).toEqual([['China', 'country:chn']]);
  });
  it('flags acronyms as case-sensitive when compiling', () => {
    const sco = matcherInput(KB).aliases.find((a) => a.text === 'SCO');
    expect(sco && sco.flags & AliasFlag.CaseSensitive).toBeTruthy();
  });
});

describe('apostrophes, possessives, spacing and diacritics', () => {
  it('matches before curly and straight possessives', () => {
    expect(mentions("Mongolia’s plans and Mongolia's hopes")).toEqual([
      ['Mongolia', 'country:mng'],
      ['Mongolia', 'country:mng'],
    ]);
  });
  it('folds diacritics both ways', () => {
    expect(mentions('Khurelsukh and Khürelsükh and KHÜRELSÜKH')).toEqual([
      ['Khurelsukh', 'person:khurelsukh-ukhnaa'],
      ['Khürelsükh', 'person:khurelsukh-ukhnaa'],
      ['KHÜRELSÜKH', 'person:khurelsukh-ukhnaa'],
    ]);
    expect(mentions('Türkiye and Turkiye')).toEqual([
      ['Türkiye', 'country:tur'],
      ['Turkiye', 'country:tur'],
    ]);
  });
  it('keeps Hangul syllables whole: Korean names that share a first consonant stay apart', () => {
    const korean = compileMatcher(
      matcherInput([
        { id: 'person:lee-jae-myung', type: 'person', name: 'Lee Jae-myung', aliases: ['이재명'], related: [] },
        { id: 'person:yoon-suk-yeol', type: 'person', name: 'Yoon Suk Yeol', aliases: ['윤석열'], related: [] },
      ]),
    );
    const found = (text: string) => findMentions(korean, text).map((m) => [text.slice(m.start, m.end), korean.entityIds[m.entity]]);
    expect(found('이재명 대통령')).toEqual([['이재명', 'person:lee-jae-myung']]);
    // 이주명 and 윤서연 share only first consonants (jamo) with the names above.
    expect(found('이주명 윤서연')).toEqual([]);
  });

  it('matches a multi-word name across runs of whitespace and line breaks', () => {
    expect(mentions('Khurelsukh \n   Ukhnaa spoke')).toEqual([['Khurelsukh \n   Ukhnaa', 'person:khurelsukh-ukhnaa']]);
  });
});

describe('demonyms', () => {
  it('link adjectives and plurals to their country, flagged as demonyms', () => {
    const found = findMentions(matcher, 'Mongolian herders and Mongolians abroad');
    expect(found.map((m) => matcher.entityIds[m.entity])).toEqual(['country:mng', 'country:mng']);
    expect(found.every((m) => m.flags & AliasFlag.Demonym)).toBe(true);
  });
});

describe('ambiguity', () => {
  it('resolves an ambiguous alias by the page’s other mentions, and says so', () => {
    const text = 'Hyderabad grew fast. Karachi and Pakistan agreed.';
    const found = findMentions(matcher, text);
    expect(matcher.entityIds[found[0].entity]).toBe('city:hyderabad-pk');
    expect(found[0].resolution?.alternatives.map((e) => matcher.entityIds[e])).toEqual(['city:hyderabad-in']);
    expect(matcher.entityIds[found[0].resolution!.supportedBy!]).toBe('country:pak');
  });
  it('falls back to the first-listed entity without context, and says so', () => {
    const found = findMentions(matcher, 'Hyderabad grew fast.');
    expect(matcher.entityIds[found[0].entity]).toBe('city:hyderabad-in');
    expect(found[0].resolution?.supportedBy).toBeUndefined();
  });
  it('"Turkey" the bird is left unmatched, Turkey the country found by context or place', () => {
    expect(mentions('We ate turkey at home.')).toEqual([]);
    expect(mentions('Turkey was the best part of Thanksgiving.')).toEqual([]);
    expect(mentions('Roast Turkey Dinner')).toEqual([]);
    expect(mentions('Officials said talks with Turkey went well.')).toEqual([['Turkey', 'country:tur']]);
    expect(mentions('Turkey said Greece must act.')).toEqual([
      ['Turkey', 'country:tur'],
      ['Greece', 'country:grc'],
    ]);
  });
  it('a common-word acronym in lower case is not the organisation', () => {
    expect(mentions('the quad muscles ached')).toEqual([]);
    expect(mentions('leaders of the Quad met')).toEqual([['Quad', 'org:quad']]);
  });
});

describe('compiled form', () => {
  it('survives structured cloning (as IndexedDB stores it) and matches the same', () => {
    const copy = matcherInUse(structuredClone(storedMatcher(matcher)));
    const text = 'Mongolian leaders met the SCO in Ulan Bator.';
    expect(findMentions(copy, text)).toEqual(findMentions(matcher, text));
  });
  it('scan time does not depend on what the text lacks: an empty pack finds nothing', () => {
    const empty = compileMatcher({ entities: [], aliases: [] });
    expect(findMentions(empty, 'Mongolia')).toEqual([]);
  });
});
