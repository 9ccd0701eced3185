import { describe, expect, it } from 'vitest';
import { PackFileError, parsePackFile } from '../../lib/kb/pack-file';

const good = {
  id: 'mine',
  name: 'My pack',
  version: '1',
  entities: [{ id: 'org:x', type: 'organization', name: 'X Org', aliases: ['XO'] }],
};

describe('pack files', () => {
  it('accepts a minimal pack and fills what is optional', () => {
    const pack = parsePackFile(JSON.stringify(good));
    expect(pack.entities[0]).toMatchObject({ id: 'org:x', aliases: ['XO'], summary: '', facts: [], related: [], source: 'My pack' });
  });

  it.each([
    ['not JSON', '{"id": ', /not valid JSON/],
    ['an array', '[]', /not a pack/],
    ['no version', JSON.stringify({ ...good, version: '' }), /"version"/],
    ['the starter id', JSON.stringify({ ...good, id: 'starter' }), /built-in pack/],
    ['no entity list', JSON.stringify({ ...good, entities: {} }), /"entities"/],
    ['an unknown type', JSON.stringify({ ...good, entities: [{ ...good.entities[0], type: 'planet' }] }), /Entity 1 \(org:x\): "type"/],
    [
      'a duplicate id',
      JSON.stringify({ ...good, entities: [good.entities[0], good.entities[0]] }),
      /Entity 2 \(org:x\): the id is used twice/,
    ],
    ['a missing name', JSON.stringify({ ...good, entities: [{ id: 'org:y', type: 'event' }] }), /Entity 1 \(org:y\): "name"/],
    [
      'aliases that are not a list',
      JSON.stringify({ ...good, entities: [{ ...good.entities[0], aliases: 5 }] }),
      /Entity 1 \(org:x\): "aliases" must be a list, not a number/,
    ],
    [
      'a name that is an object',
      JSON.stringify({ ...good, entities: [{ ...good.entities[0], name: {} }] }),
      /Entity 1 \(org:x\): "name" must be text, not an object/,
    ],
    [
      'an alias that is a number',
      JSON.stringify({ ...good, entities: [{ ...good.entities[0], aliases: ['XO', 5] }] }),
      /Entity 1 \(org:x\): "aliases\[1\]"/,
    ],
    [
      'a fact without a value',
      JSON.stringify({ ...good, entities: [{ ...good.entities[0], facts: [{ label: 'Founded' }] }] }),
      /Entity 1 \(org:x\): "facts\[0\].value" is missing/,
    ],
    [
      'a javascript: link',
      JSON.stringify({ ...good, entities: [{ ...good.entities[0], links: [{ label: 'x', url: 'javascript:alert(1)' }] }] }),
      /Entity 1 \(org:x\): "links\[0\].url" must be an http or https address/,
    ],
  ])('rejects %s with a message naming the record and field', (_, text, message) => {
    expect(() => parsePackFile(text)).toThrow(PackFileError);
    expect(() => parsePackFile(text)).toThrow(message);
  });

  it('keeps markup in text as text (cards render it as text)', () => {
    const pack = parsePackFile(JSON.stringify({ ...good, entities: [{ ...good.entities[0], summary: '<script>x</script>' }] }));
    expect(pack.entities[0].summary).toBe('<script>x</script>');
  });
});
