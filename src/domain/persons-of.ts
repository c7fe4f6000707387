/** Which persons an event is about: the one answer the views, the checks and the use cases share. */
import { match } from 'ts-pattern';
import { type RosterEvent, replacementOf } from './events.js';

export function personsOf(e: RosterEvent): readonly string[] {
  return match(e)
    .with(
      { type: 'PersonRegistered' },
      { type: 'DeputyElected' },
      { type: 'QualificationReviewed' },
      { type: 'DeputyTransferredOut' },
      { type: 'DeputyResignationAccepted' },
      { type: 'OrderedResignationAccepted' },
      { type: 'DeputyRecalled' },
      { type: 'DeputyDied' },
      { type: 'NationalityLost' },
      { type: 'PoliticalRightsDeprived' },
      { type: 'CapacityLost' },
      { type: 'MandateEndedOtherwise' },
      { type: 'MandateRevoked' },
      { type: 'ProsecutionPermitted' },
      { type: 'AbsentWithoutLeave' },
      { type: 'DeputySuspended' },
      { type: 'SuspensionEnded' },
      { type: 'PostHeld' },
      { type: 'PersonnelDecided' },
      { type: 'PostEnded' },
      (x) => [x.personId],
    )
    .with({ type: 'OpeningBalanceStated' }, { type: 'RosterLoaded' }, (x) => x.members.map((m) => m.personId))
    .with({ type: 'TerminationsAnnounced' }, { type: 'OathTaken' }, (x) => x.personIds)
    .with(
      { type: 'CongressConstituted' },
      { type: 'SessionHeld' },
      { type: 'CredentialsReportAdopted' },
      { type: 'OrganRegistered' },
      // Deputies a source counts without naming them are nobody the record can name.
      { type: 'UnnamedDeputiesLeft' },
      { type: 'UnnamedDeputiesElected' },
      { type: 'UnnamedDeputiesReviewed' },
      () => [],
    )
    .with({ type: 'EventCorrected' }, (x) => {
      // What the correction puts in place of the event it supersedes is about the persons it names.
      const replacement = replacementOf(x);
      return replacement
        ? personsOf({ ...replacement, seq: x.seq, recordedAt: x.recordedAt, recordedBy: x.recordedBy } as RosterEvent)
        : [];
    })
    .exhaustive();
}
