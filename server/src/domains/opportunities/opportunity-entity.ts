import { registerEntity } from '../../platform/records/entity-registry.js';
import { registerPicklistUsage } from '../picklists/picklist-service.js';

export const opportunityEntity = registerEntity({
  entity: 'opportunity',
  table: 'opportunities',
  plural: 'opportunities',
  module: 'opportunities',
  label: { 'zh-CN': '商机', 'zh-TW': '商機', en: 'Opportunity' },
  titleColumn: 'name',
  // stage_entered_at moves with every stage change, which the history already shows.
  historyExclude: ['stage_entered_at', 'last_follow_up_at'],
  transferable: true,
  // A transfer hands over the deals still being worked; closed ones stay with who closed them.
  transferWhere: "status = 'open'",
});

registerPicklistUsage({ list: 'opportunity_source', table: 'opportunities', column: 'source' });
registerPicklistUsage({ list: 'lost_reason', table: 'opportunities', column: 'lost_reason' });
registerPicklistUsage({ list: 'contact_role', table: 'opportunity_contacts', column: 'role' });
