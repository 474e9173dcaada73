import { appraisalTodos } from '../appraisals/todo-appraisals.js';
import { developmentTodos } from '../development/todo-development.js';
import { instructorVisitTodos } from '../enterprises/todo-instructor-visits.js';
import { relayTaskTodos } from '../governance/releases/todo-relay-tasks.js';
import { rumourReportTodos } from '../governance/rumours/todo-rumour-reports.js';
import { meetingsDueTodos } from '../meetings/todo-meetings-due.js';
import { unreadNoticeTodos } from '../notices/todo-notices.js';
import { serviceRequestTodos } from '../services/todo-service-requests.js';
import type { TodoSource } from './todo-source.js';
import { duesArrearsTodos, probationTodos, termEndingTodos, transferOverdueTodos } from './todo-sources-ledger.js';

/**
 * Every source of the to-do list (待办), run in this order for each request. Other modules export a
 * `todo-<thing>.ts` source; add it here (one line each).
 */
export const TODO_SOURCES: readonly TodoSource[] = [
  termEndingTodos,
  probationTodos,
  duesArrearsTodos,
  transferOverdueTodos,
  meetingsDueTodos,
  developmentTodos,
  serviceRequestTodos,
  instructorVisitTodos,
  unreadNoticeTodos,
  appraisalTodos,
  relayTaskTodos,
  rumourReportTodos,
];
