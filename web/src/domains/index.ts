import type { WebDomain } from '../app/domain.js';
import { approvalsDomain } from './approvals/index.js';
import { calendarDomain } from './calendar/index.js';
import { contactsDomain } from './contacts/index.js';
import { contractsDomain } from './contracts/index.js';
import { creditDomain } from './credit/index.js';
import { customerPoolDomain } from './customer-pool/index.js';
import { customersDomain } from './customers/index.js';
import { dailyReportsDomain } from './daily-reports/index.js';
import { dataTimelinessDomain } from './data-timeliness/index.js';
import { dashboardDomain } from './dashboard/index.js';
import { expensesDomain } from './expenses/index.js';
import { leadsDomain } from './leads/index.js';
import { moneyReportsDomain } from './money-reports/index.js';
import { notesDomain } from './notes/index.js';
import { notificationsDomain } from './notifications/index.js';
import { followUpsDomain } from './follow-ups/index.js';
import { gradingDomain } from './grading/index.js';
import { importsDomain } from './imports/index.js';
import { opportunitiesDomain } from './opportunities/index.js';
import { ordersDomain } from './orders/index.js';
import { organisationDomain } from './organisation/index.js';
import { picklistsDomain } from './picklists/index.js';
import { pipelineReportsDomain } from './pipeline-reports/index.js';
import { productsDomain } from './products/index.js';
import { profileDomain } from './profile/index.js';
import { quotesDomain } from './quotes/index.js';
import { receivablesDomain } from './receivables/index.js';
import { recycleBinDomain } from './recycle-bin/index.js';
import { salesReportsDomain } from './sales-reports/index.js';
import { searchDomain } from './search/index.js';
import { tasksDomain } from './tasks/index.js';
import { targetsDomain } from './targets/index.js';
import { visitPlansDomain } from './visit-plans/index.js';

/** Every web domain registers here once; the shell builds routes, menu and translations from this list. */
export const webDomains: WebDomain[] = [
  dashboardDomain,
  leadsDomain,
  customersDomain,
  opportunitiesDomain,
  quotesDomain,
  contractsDomain,
  creditDomain,
  ordersDomain,
  expensesDomain,
  receivablesDomain,
  customerPoolDomain,
  contactsDomain,
  followUpsDomain,
  tasksDomain,
  approvalsDomain,
  notificationsDomain,
  calendarDomain,
  visitPlansDomain,
  notesDomain,
  productsDomain,
  importsDomain,
  searchDomain,
  pipelineReportsDomain,
  moneyReportsDomain,
  dailyReportsDomain,
  salesReportsDomain,
  dataTimelinessDomain,
  targetsDomain,
  organisationDomain,
  picklistsDomain,
  gradingDomain,
  recycleBinDomain,
  profileDomain,
];
