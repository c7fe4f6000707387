/**
 * An id for a person entered by name in the console (补选当选, 任免 of someone new), in the style of
 * the embedded data: the pinyin of the surname and of the given name (黄利琴 → huang-liqin), with a
 * number added where the id is taken. Ids are never shown to clerks; they only need to be stable.
 */
import { pinyin } from '../search/pinyin.js';

export function newPersonId(name: string, taken: (id: string) => boolean): string {
  const syllables = pinyin(name.replace(/[\s·・.]/g, ''), { surname: 'head', toneType: 'none', type: 'array', nonZh: 'removed' })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter(Boolean);
  const base =
    syllables.length === 0 ? 'person' : syllables.length === 1 ? syllables[0]! : `${syllables[0]}-${syllables.slice(1).join('')}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}-${n}`;
  return id;
}
