/**
 * 关于接受…请求辞去…职务的决定: one per resignation from a post the standing committee accepted at the
 * session (地方组织法 2022 Art. 32: accepted in recess, then reported to the congress for 备案).
 * Form after the gazette: title, adoption line, the request and its reason, the legal basis as the
 * decision names it, the decision, 备案.
 */
import { DomainError } from '../../domain/errors.js';
import type { DocumentKind } from '../document-kind.js';
import type { OfficialDocument } from '../official-document.js';
import { ACT_FORM, adoptionNote, gazetteOrder, meetingName, nameOf, sessionActs, standingCommitteeName } from '../personnel.js';
import { bookTitles } from '../phrasing.js';
import { postsPhrase } from '../post-phrases.js';

export const decisions: DocumentKind = {
  id: 'decisions',
  description: '关于接受辞去职务请求的决定（每人一件）',
  build({ derivation: { state } }, session) {
    const { congress, acts } = sessionActs(state, session, (a) => a.list.kind === 'decision', '没有接受辞去职务请求的决定的记录');
    const other = acts.find((a) => a.act !== 'resignation-accepted');
    if (other) {
      throw new DomainError(
        'invalid-data-file',
        `记录为单独决定的人事事项只能是接受辞职（act: resignation-accepted），该项为“${ACT_FORM[other.act].heading}”`,
        `第${other.seq}条事件`,
      );
    }
    const sc = standingCommitteeName(state, congress);
    return acts.sort(gazetteOrder).map((act): OfficialDocument => {
      const name = nameOf(state, act.personId);
      const posts = postsPhrase(state, act);
      const basis = act.basis ? `根据${bookTitles(act.basis)}等有关规定，` : '';
      const filing = act.reportedTo ? `，并报${act.reportedTo}备案` : '';
      return {
        kind: 'decisions',
        title: `关于接受${name}请求辞去${posts}职务的决定`,
        titleParts: ['关于接受', `${name}请求辞去`, ...posts.split(/(?<=[、，])/), '职务的决定'],
        adoptionNote: adoptionNote(congress, act),
        issuer: sc,
        paragraphs: [
          `${act.reason ? `${act.reason}，` : ''}${name}向${sc}提出请求辞去${posts}职务的报告。` +
            `${basis}${meetingName(congress, session)}决定：接受${name}提出的辞去${posts}职务的请求${filing}。`,
        ],
        warnings: [
          ...(act.basis ? [] : [`记录中没有接受${name}辞职的决定所依据的法律法规（“任免”事件的 basis），决定中不写依据`]),
          ...(act.reportedTo ? [] : [`记录中没有接受${name}辞职的决定报送备案的机关（“任免”事件的 reportedTo），决定中不写备案`]),
        ],
      };
    });
  },
};
