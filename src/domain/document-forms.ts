/**
 * How a congress writes a document (its notice 公告, its credentials report): a form of templates read
 * by the document generator, kept with the congress's record (`CongressConstituted.congress.documents`)
 * or, for a level's usual form, in `data/document-forms/`. The wording of each level and each congress
 * is data; the generator only fills in what the record and the rules give. See docs/document-forms.md.
 */
import * as z from 'zod';

/** Filters a section applies to the persons it speaks of (the schema's output type, written out). */
export interface Where {
  grounds?: string[] | undefined;
  unitKinds?: ('military' | 'armed-police' | 'regular')[] | undefined;
}

/** One template per ground (or election kind), or one for all (the schema's output type, written out: `Piece` refers to it). */
export interface ItemForm {
  groupBy: string[];
  template: string;
  unit?: string | undefined;
  unitJoin?: string | undefined;
}

export type Piece =
  | string
  | { readonly if: string; readonly show: readonly Piece[]; readonly else?: readonly Piece[] }
  | {
      readonly each: 'terminations' | 'elected' | 'postEndings';
      readonly item: Readonly<Record<string, ItemForm>>;
      readonly person?: string;
      readonly personJoin?: string;
      readonly join?: string;
      readonly prefix?: string;
      readonly suffix?: string;
    }
  | { readonly section: Where; readonly pieces: readonly Piece[] };

/**
 * The schemas, made the first time a form is validated: a record that carries no forms of its own
 * (the usual case) never needs them, and every command loads this module.
 */
function schemas() {
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
    /** Within a group, how the persons of one electing unit are written (`{byUnit}`): 由{unit}选出的…代表{names}. */
    unit: Template.optional(),
    unitJoin: z.string().optional(),
  });

  const Piece: z.ZodType<Piece> = z.lazy(() =>
    z.union([
      Template,
      z.strictObject({ if: z.string().min(1), show: z.array(Piece), else: z.array(Piece).optional() }),
      z.strictObject({
        each: z.enum(['terminations', 'elected', 'postEndings']),
        /** By ground (or election kind); `*` for any not listed. */
        item: z.record(z.string(), ItemForm),
        /** How one person is written in `{names}`: `{name}`, `{name}（{disambiguation}）`, `{affiliation}{name}`. */
        person: Template.optional(),
        /** Between persons in `{names}` (、 by default; ； where each carries its unit: 荆州市的郑明理；解放军的朱永清). */
        personJoin: z.string().optional(),
        join: z.string().optional(),
        prefix: Template.optional(),
        suffix: Template.optional(),
      }),
      z.strictObject({ section: Where, pieces: z.array(Piece) }),
    ]),
  ) as z.ZodType<Piece>;

  const DocumentForm = z.strictObject({
    $comment: z.string().optional(),
    /** The publications it is the form of, by date (customs change: 现在 in 2011, 截至目前 from 2014). */
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    to: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
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

  const OneOrMore = z.union([DocumentForm, z.array(DocumentForm).min(1)]);

  const DocumentForms = z.strictObject({
    $comment: z.string().optional(),
    notice: OneOrMore.optional(),
    report: OneOrMore.optional(),
  });
  return { DocumentForm, DocumentForms };
}

type Schemas = ReturnType<typeof schemas>;
export type DocumentForm = z.infer<Schemas['DocumentForm']>;
export type DocumentForms = z.infer<Schemas['DocumentForms']>;

let made: Schemas | undefined;
/** The schema of a congress's forms (`CongressConstituted.congress.documents`, data/document-forms/). */
export function documentFormsSchema(): Schemas['DocumentForms'] {
  made ??= schemas();
  return made.DocumentForms;
}

/** The form in force on a publication's date, of one or several. */
export function formOn(forms: DocumentForm | readonly DocumentForm[] | undefined, date: string): DocumentForm | undefined {
  const list = forms === undefined ? [] : Array.isArray(forms) ? forms : [forms as DocumentForm];
  return list.find((f) => (f.from === undefined || f.from <= date) && (f.to === undefined || date <= f.to));
}
