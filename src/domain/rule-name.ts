/**
 * A rule as the clerk reads it: by its Chinese title, 规则“代表辞职被接受的，其代表资格终止”. The id
 * (termination.resignation-accepted) is for machines: it stays in --json and, in the console, in a
 * hover title.
 */

interface Titled {
  readonly title: string;
}

interface Cited extends Titled {
  readonly citation: { readonly text: string; readonly mark: string };
}

export const ruleName = (f: Titled): string => `规则“${f.title}”`;

/** 规则“…”；依据 代表法（2015年修正）第四十九条第（二）项〔V〕. */
export const ruleAndCitation = (f: Cited): string => `${ruleName(f)}；依据 ${f.citation.text}〔${f.citation.mark}〕`;
