import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../platform/app-context.js';
import { calendarRoutes } from './calendar/calendar-routes.js';
import { contactsRoutes } from './contacts/contacts-routes.js';
import { contractsRoutes } from './contracts/contracts-routes.js';
import { dailyReportsRoutes } from './daily-reports/daily-reports-routes.js';
import { creditRoutes } from './credit/credit-routes.js';
import { customerPoolRoutes } from './customer-pool/customer-pool-routes.js';
import { customersRoutes } from './customers/customers-routes.js';
import { dataTimelinessRoutes } from './data-timeliness/data-timeliness-routes.js';
import { customerTimelineRoutes } from './customers/timeline-routes.js';
import { dashboardRoutes } from './dashboard-reports/dashboard-routes.js';
import { duplicatesRoutes } from './duplicates/duplicates-routes.js';
import { expensesRoutes } from './expenses/expenses-routes.js';
import { exportsRoutes } from './exports/exports-routes.js';
import { followUpsRoutes } from './follow-ups/follow-ups-routes.js';
import { gradingRoutes } from './grading/grading-routes.js';
import { importsRoutes } from './imports/imports-routes.js';
import { leadsRoutes } from './leads/leads-routes.js';
import { moneyReportsRoutes } from './money-reports/money-reports-routes.js';
import { notesRoutes } from './notes/notes-routes.js';
import { ordersRoutes } from './orders/orders-routes.js';
import { opportunitiesRoutes } from './opportunities/opportunities-routes.js';
import { organisationRoutes } from './organisation/organisation-routes.js';
import { picklistsRoutes } from './picklists/picklists-routes.js';
import { pipelineReportsRoutes } from './pipeline-reports/pipeline-reports-routes.js';
import { quotesRoutes } from './quotes/quotes-routes.js';
import { receivablesRoutes } from './receivables/receivables-routes.js';
import { salesReportsRoutes } from './sales-reports/sales-reports-routes.js';
import { productsRoutes } from './products/products-routes.js';
import { searchRoutes } from './search/search-routes.js';
import { tasksRoutes } from './tasks/tasks-routes.js';
import { visitPlansRoutes } from './visit-plans/visit-plans-routes.js';
import { targetsRoutes } from './targets/targets-routes.js';
import { attainmentReportsRoutes } from './attainment-reports/attainment-reports-routes.js';

/** Each domain contributes one route plugin; adding a domain means adding one line here. */
export const domainPlugins: FastifyPluginAsync<{ ctx: AppContext }>[] = [
  organisationRoutes,
  picklistsRoutes,
  customersRoutes,
  customerPoolRoutes,
  gradingRoutes,
  contactsRoutes,
  customerTimelineRoutes,
  followUpsRoutes,
  tasksRoutes,
  visitPlansRoutes,
  calendarRoutes,
  leadsRoutes,
  duplicatesRoutes,
  notesRoutes,
  searchRoutes,
  opportunitiesRoutes,
  pipelineReportsRoutes,
  quotesRoutes,
  contractsRoutes,
  receivablesRoutes,
  creditRoutes,
  ordersRoutes,
  productsRoutes,
  expensesRoutes,
  moneyReportsRoutes,
  dailyReportsRoutes,
  salesReportsRoutes,
  dataTimelinessRoutes,
  targetsRoutes,
  attainmentReportsRoutes,
  dashboardRoutes,
  // Last: they add a route per export and import the domains above registered.
  exportsRoutes,
  importsRoutes,
] as FastifyPluginAsync<{ ctx: AppContext }>[];
