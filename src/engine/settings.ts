/**
 * Configuration kept with the law, in `rules/settings.json`: choices the law leaves open (legal brief
 * 7 D3). What a province's law decides is in its overlay (rules/regions/), not here. Rules read them
 * as facts; no code branches on them.
 */
import * as z from 'zod';

export const Settings = z.strictObject({
  $comment: z.string().optional(),
  cascade: z.strictObject({
    $comment: z.string().optional(),
    /** D3: a termination on grounds other than recall or resignation ends the posts that need deputy status. */
    otherGrounds: z.boolean(),
  }),
});
export type Settings = z.infer<typeof Settings>;
