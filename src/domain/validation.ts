/** Which of zod's issues a clerk is shown when input does not parse: the one that names the field. */
import type * as z from 'zod';

/** How badly an object missed a union branch: keys it lacks or has too many of. */
function shapeMisses(issues: readonly z.core.$ZodIssue[]): number {
  return issues.filter((i) => i.code === 'unrecognized_keys' || (i.code === 'invalid_type' && /undefined/.test(i.message))).length;
}

/**
 * The issue to show for a failed parse. For a union that failed every branch, follow the branch whose
 * shape the input matches best (fewest missing or unknown keys), then the deepest issue in it.
 */
export function deepestIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  let best = issues[0]!;
  for (const issue of issues) {
    if (issue.code === 'invalid_union') {
      const branches = issue.errors
        .filter((b) => b.length > 0)
        .map((b) => b.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as z.core.$ZodIssue));
      branches.sort((a, b) => shapeMisses(a) - shapeMisses(b));
      const chosen = branches[0];
      if (chosen) {
        const inner = deepestIssue(chosen);
        if (best.code === 'invalid_union' || inner.path.length >= best.path.length) best = inner;
      }
    } else if (issue.path.length > best.path.length || best.code === 'invalid_union') {
      best = issue;
    }
  }
  return best;
}
