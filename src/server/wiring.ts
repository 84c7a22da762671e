// Who hears which domain event (platform/events.ts). One list, read top to bottom, so a reader
// sees every cross-module reaction in one place; order matters where a later handler reads what an
// earlier one wrote (the certificate is issued before the household is reassessed).
import { subscribe, wireOnce } from './platform/events.js';
import * as certificates from './modules/certificates/index.js';
import * as households from './modules/households/index.js';
import * as assistance from './modules/assistance/index.js';
import * as ui from './modules/ui/index.js';

/** Subscribes every module's handlers; safe to call from each entry point (app, bootstrap, CLI). */
export function wireDomainEvents(): void {
  wireOnce(() => {
    subscribe('registration.appended', certificates.onRegistrationAppended);
    subscribe('registration.appended', households.onRegistrationAppended);
    subscribe('registration.appended', assistance.onRegistrationAppended);
    subscribe('registration.appended', ui.onRegistrationAppended);
    subscribe('household.zero_employment_ended', assistance.onZeroEmploymentEnded);
    subscribe('household.member_removed', assistance.onHouseholdMemberRemoved);
    subscribe('person.region_changed', assistance.onPersonRegionChanged);
    subscribe('person.region_changed', assistance.onPersonMovedCasework);
    subscribe('person.region_changed', ui.onPersonRegionChanged);
  });
}
