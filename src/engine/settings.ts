/**
 * Configuration kept with the law, in `rules/settings.json`: choices the law leaves open or that
 * vary by province (legal brief 7 D3, F2, 8.15). Rules read them as facts; no code branches on them.
 */
import { z } from 'zod';

export const Settings = z.strictObject({
  $comment: z.string().optional(),
  cascade: z.strictObject({
    $comment: z.string().optional(),
    /** D3: a termination on grounds other than recall or resignation ends the posts that need deputy status. */
    otherGrounds: z.boolean(),
  }),
  oath: z.strictObject({
    $comment: z.string().optional(),
    /** F2: courts and procuratorates organise the oath of those appointed on their proposal. */
    judicialOathsByOwnOrgan: z.boolean(),
  }),
});
export type Settings = z.infer<typeof Settings>;
