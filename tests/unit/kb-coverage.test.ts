import { describe, expect, it } from 'vitest';
import {
  articleCoverage,
  distinctEntities,
  foldName,
  onlyOtherKinds,
  packNameIndex,
  unknownByKind,
  type GoldArticle,
  type GoldEntity,
  type PackEntityNames,
} from '../../lib/kb/coverage';

const pack: PackEntityNames[] = [
  { id: 'country:tr', type: 'country', name: 'Türkiye', aliases: ['Turkey', { text: 'Turkish', demonym: true }] },
  { id: 'country:ge', type: 'country', name: 'Georgia', aliases: [] },
  { id: 'person:lula', type: 'person', name: 'Luiz Inácio Lula da Silva', aliases: [{ text: 'Lula', cased: true }] },
  { id: 'country:us', type: 'country', name: 'United States', aliases: ['U.S.', { text: 'Latin American', stop: true }] },
  { id: 'org:un', type: 'organization', name: 'United Nations', aliases: ['UN'] },
];

const entity = (name: string, kind: string, ...forms: string[]): GoldEntity => ({
  name,
  kind,
  forms: forms.map((form) => ({ form, count: 1 })),
});

const article = (...entities: GoldEntity[]): GoldArticle => ({
  url: 'https://news.example/a',
  publisher: 'Example News',
  date: '2024-01-01',
  headline: 'Example',
  entities,
});

const index = packNameIndex(pack);

describe('kb coverage matching', () => {
  it('folds case, diacritics, typographic apostrophes and dashes, and runs of spaces', () => {
    expect(foldName('  TÜRKIYE ')).toBe('turkiye');
    expect(foldName('O’Neill‐Smith')).toBe(foldName("o'neill-smith"));
    expect(foldName('Lula  da\tSilva')).toBe('lula da silva');
  });

  it('knows an entity through its name or any form the article used, whatever the case or accents', () => {
    const c = articleCoverage(
      article(
        entity('Turkey', 'country', 'TURKISH'),
        entity('Lula', 'person', 'Luiz Inacio Lula da Silva'),
        entity('Mercosur', 'organisation', 'Mercosur'),
      ),
      index,
    );
    expect(c.entities.map((e) => e.hits.map((h) => h.id))).toEqual([['country:tr'], ['person:lula'], []]);
    expect([c.known, c.total]).toEqual([2, 3]);
  });

  it('does not count a stop alias, which names something the entity is not', () => {
    const c = articleCoverage(article(entity('Latin America', 'place', 'Latin American')), index);
    expect(c.known).toBe(0);
  });

  it('counts an entity named in two articles once, known if either article’s forms match', () => {
    const a = articleCoverage(article(entity('United Nations', 'organisation', 'U.N.')), index);
    const b = articleCoverage(article(entity('United Nations', 'organisation', 'UN'), entity('Hamas', 'armed-group', 'Hamas')), index);
    const distinct = distinctEntities([a, b]);
    expect(distinct.map((e) => [e.entity.name, e.hits.length > 0])).toEqual([
      ['United Nations', true],
      ['Hamas', false],
    ]);
    expect(unknownByKind(distinct)).toEqual([['armed-group', ['Hamas']]]);
  });

  it('groups unknown entities by kind, kinds and names in order', () => {
    const c = articleCoverage(
      article(entity('Zanu-PF', 'party'), entity('Kharkiv', 'city'), entity('ANC', 'party'), entity('Aden', 'city')),
      index,
    );
    expect(unknownByKind(c.entities)).toEqual([
      ['city', ['Aden', 'Kharkiv']],
      ['party', ['ANC', 'Zanu-PF']],
    ]);
  });

  it('flags an entity known only through a pack entity of another kind', () => {
    const c = articleCoverage(
      article(entity('Georgia (U.S. state)', 'region', 'Georgia'), entity('United Nations', 'organisation', 'UN')),
      index,
    );
    expect(c.entities.map(onlyOtherKinds)).toEqual([true, false]);
  });
});
