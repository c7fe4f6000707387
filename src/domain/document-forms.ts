/**
 * How a congress writes a document (its notice 公告, its credentials report): a form of templates read
 * by the document generator, kept with the congress's record (`CongressConstituted.congress.documents`)
 * or, for a level's usual form, in `data/document-forms/`. The wording of each level and each congress
 * is data; the generator only fills in what the record and the rules give. See docs/document-forms.md.
 */
import { z } from 'zod';

const Template = z.string();

/** Filters a section applies to the persons it speaks of. */
const Where = z.strictObject({
  /** Termination grounds (transferred-out, resigned, died, other …) or, for elections, the kinds (by-election, succession …). */
  grounds: z.array(z.string().min(1)).min(1).optional(),
  /** Electing-unit kinds: military, armed-police, or regular (any other). */
  unitKinds: z
    .array(z.enum(['military', 'armed-police', 'regular']))
    .min(1)
    .optional(),
});

/** One template per ground (or election kind), or one for all; `groupBy` joins persons who share those values. */
const ItemForm = z.strictObject({
  groupBy: z.array(z.string().min(1)).default([]),
  template: Template,
});

export type Piece =
  | string
  | { readonly if: string; readonly show: readonly Piece[]; readonly else?: readonly Piece[] }
  | {
      readonly each: 'terminations' | 'elected' | 'postEndings';
      readonly item: Readonly<Record<string, z.infer<typeof ItemForm>>>;
      readonly person?: string;
      readonly join?: string;
      readonly prefix?: string;
      readonly suffix?: string;
    }
  | { readonly section: z.infer<typeof Where>; readonly pieces: readonly Piece[] };

export const Piece: z.ZodType<Piece> = z.lazy(() =>
  z.union([
    Template,
    z.strictObject({ if: z.string().min(1), show: z.array(Piece), else: z.array(Piece).optional() }),
    z.strictObject({
      each: z.enum(['terminations', 'elected', 'postEndings']),
      /** By ground (or election kind); `*` for any not listed. */
      item: z.record(z.string(), ItemForm),
      /** How one person is written in `{names}`: `{name}`, `{name}（{disambiguation}）`, `{affiliation}{name}`. */
      person: Template.optional(),
      join: z.string().optional(),
      prefix: Template.optional(),
      suffix: Template.optional(),
    }),
    z.strictObject({ section: Where, pieces: z.array(Piece) }),
  ]),
) as z.ZodType<Piece>;

export const DocumentForm = z.strictObject({
  $comment: z.string().optional(),
  /** The line a republication puts before the title (新华社北京4月23日电), from the publication record. */
  preface: Template.optional(),
  title: Template,
  /** Where the title may break across lines, the parts it is cut into (joined, they are the title). */
  titleParts: z.array(Template).optional(),
  number: Template.optional(),
  adoptionNote: Template.optional(),
  byline: Template.optional(),
  addressee: Template.optional(),
  /** The paragraphs in order; a paragraph whose pieces all give nothing is left out. */
  paragraphs: z.array(z.array(Piece)).min(1),
  signature: Template.optional(),
  /** Print the date of the publication record (or the one the clerk gives). */
  dated: z.boolean().default(true),
  /** The order the grounds are told in (termination grounds, then anything else in record order). */
  groundOrder: z.array(z.string().min(1)).optional(),
});
export type DocumentForm = z.infer<typeof DocumentForm>;

export const DocumentForms = z.strictObject({
  $comment: z.string().optional(),
  notice: DocumentForm.optional(),
  report: DocumentForm.optional(),
});
export type DocumentForms = z.infer<typeof DocumentForms>;
