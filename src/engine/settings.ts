/**
 * Configuration kept with the law, in `rules/settings.json`: choices the law leaves open (legal brief
 * 7 D3). What a province's law decides is in its overlay (rules/regions/), not here. Rules read them
 * as facts; no code branches on them.
 */
import * as z from 'zod';

function settingsOf() {
  return z.strictObject({
    $comment: z.string().optional(),
    cascade: z.strictObject({
      $comment: z.string().optional(),
      /** D3: a termination on grounds other than recall or resignation ends the posts that need deputy status. */
      otherGrounds: z.boolean(),
    }),
  });
}

let settings: ReturnType<typeof settingsOf> | undefined;
/** The schema of `settings.json`, made when the file is first validated (not when it was validated before). */
export function settingsSchema(): ReturnType<typeof settingsOf> {
  settings ??= settingsOf();
  return settings;
}
export type Settings = z.infer<ReturnType<typeof settingsOf>>;
