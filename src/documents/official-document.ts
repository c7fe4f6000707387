/**
 * An official document (公文) as a model every renderer reads: the parts GB/T 9704-2012 names, in
 * reading order. Kinds build one from the record; renderers never look at the record themselves.
 * A kind builds one document (a report) or several printed one after another (the session's
 * decisions, its appointment lists).
 */
export interface OfficialDocument {
  /** The kind it was built as (`report`, `explanation`, `notice` …). */
  readonly kind: string;
  /** A line before the title a republication adds (新华社北京4月23日电), where the record has one. */
  readonly preface?: string;
  /** 标题 */
  readonly title: string;
  /** The title cut where a line may break (before 关于, between organs), joined = `title`. */
  readonly titleParts?: readonly string[];
  /** 题注: the adoption line under the title, （2024年7月31日…第十九次会议通过）, where the form has one. */
  readonly adoptionNote?: string;
  /** 发文字号: 〔十六届〕第十二号; absent where the form has none. */
  readonly numberLine?: string;
  /** The line under the title naming who presents it (说明人), where the form has one. */
  readonly byline?: string;
  /** 主送机关 or the salutation: 宁波市人民代表大会常务委员会： */
  readonly addressee?: string;
  /** 正文, one string per paragraph. */
  readonly paragraphs: readonly string[];
  /** 发文机关署名 */
  readonly signature?: string;
  /** The signature cut where a line may break (between organs), joined = `signature`. */
  readonly signatureParts?: readonly string[];
  /** 成文日期, already written out in Chinese (2024年7月31日), or a blank form to fill in. */
  readonly date?: string;
  /** 发文机关: the organ that issues or adopts it, named in the file's properties; else the signature. */
  readonly issuer?: string;
  /** Notes for the clerk that are not part of the document (a blank the record could not fill …). */
  readonly warnings: readonly string[];
}

/** One document or several, printed in order. */
export type Documents = OfficialDocument | readonly OfficialDocument[];

export function documentList(docs: Documents): readonly OfficialDocument[] {
  return Array.isArray(docs) ? (docs as readonly OfficialDocument[]) : [docs as OfficialDocument];
}
