/**
 * pinyin-pro, loaded only where a name is searched or spelled. Its dictionaries are some 600 KB of
 * code and take tens of milliseconds to load, which every command paid at start-up while only
 * search, naming and the console use them. The application layer awaits `loadPinyin()` before
 * the synchronous search runs; the console loads it when it starts.
 */
type PinyinPro = typeof import('pinyin-pro');

let loaded: PinyinPro['pinyin'] | undefined;

export async function loadPinyin(): Promise<void> {
  loaded ??= (await import('pinyin-pro')).pinyin;
}

/** pinyin-pro's `pinyin`; `loadPinyin()` must have been awaited (a programming error otherwise, caught by the tests). */
export const pinyin: PinyinPro['pinyin'] = ((...args: Parameters<PinyinPro['pinyin']>) => {
  if (!loaded) throw new Error('pinyin-pro is not loaded: await loadPinyin() before searching by name');
  return (loaded as (...a: unknown[]) => unknown)(...args);
}) as PinyinPro['pinyin'];
