/**
 * The time and order rules of member development as pure functions over a person's file: the server refuses a
 * step with these messages, the browser shows the same next step and due date. Table tests: development-checks.test.ts.
 */
import {
  addDays,
  addMonthsToDate,
  DEVELOPMENT_RULES,
  type DevelopmentRules,
  type DevelopmentStage,
  NOTICE_BEFORE_STEP,
  NOTICE_PURPOSE_LABELS,
  type NoticePurpose,
  probationEnd,
  STEP,
  STEP_COUNT,
  stepOf,
} from './development-rules.js';
import { ageOn } from './member-rules.js';
import { type VoteCount, voteOutcome } from './quorum.js';

export interface DoneStep {
  step: number;
  doneOn: string;
}

export interface NoticeFacts {
  purpose: NoticePurpose;
  startsOn: string;
  endsOn: string;
  /** Objections found to hold (属实): the step after the notice is refused. */
  upheldObjections: number;
}

export interface DevelopmentFacts {
  birthDate: string;
  steps: readonly DoneStep[];
  extensionMonths: number | null;
  notices: readonly NoticeFacts[];
}

/** What a step's form sends, beyond who is recording it. */
export interface StepInput {
  step: number;
  doneOn: string;
  mentorIds?: readonly string[] | undefined;
  sponsorIds?: readonly string[] | undefined;
  passed?: boolean | undefined;
  trainingDays?: number | undefined;
  trainingHours?: number | undefined;
  vote?: (VoteCount & { candidateIds: readonly string[] }) | undefined;
}

export interface StepIssue {
  field: string;
  message: string;
}

const dateOf = (f: Pick<DevelopmentFacts, 'steps'>, step: number): string | null => {
  let found: string | null = null;
  for (const s of f.steps) if (s.step === step && (!found || s.doneOn > found)) found = s.doneOn;
  return found;
};
const datesOf = (f: Pick<DevelopmentFacts, 'steps'>, step: number) =>
  f.steps
    .filter((s) => s.step === step)
    .map((s) => s.doneOn)
    .sort();
const lastDone = (f: Pick<DevelopmentFacts, 'steps'>) => f.steps.reduce((m, s) => Math.max(m, s.step), 0);

/** The stage of the latest step done ('done' once all 25 are). */
export function stageOf(f: Pick<DevelopmentFacts, 'steps'>): DevelopmentStage | 'done' {
  const last = lastDone(f);
  if (last >= STEP_COUNT) return 'done';
  return stepOf(Math.max(last, 1))!.stage;
}

/** The date probation ends, once the branch meeting has admitted the person. */
export function probationEndOf(f: DevelopmentFacts, rules: DevelopmentRules = DEVELOPMENT_RULES): string | null {
  const admitted = dateOf(f, STEP.admissionVote);
  return admitted ? probationEnd(admitted, f.extensionMonths, rules) : null;
}

/** The next step's earliest and latest dates from the time rules (either may be absent). */
export interface NextStep {
  step: number;
  earliest: string | null;
  due: string | null;
  /** A repeatable review falls due meanwhile (activists every 6 months). */
  reviewDue: string | null;
}

export function nextStep(f: DevelopmentFacts, rules: DevelopmentRules = DEVELOPMENT_RULES): NextStep | null {
  const last = lastDone(f);
  if (last >= STEP_COUNT) return null;
  const step = last + 1;
  let earliest: string | null = null;
  let due: string | null = null;
  let reviewDue: string | null = null;
  const applied = dateOf(f, STEP.application);
  const activist = dateOf(f, STEP.activist);
  if (step === STEP.talk && applied) due = addMonthsToDate(applied, rules.talkWithinMonths);
  if (activist && last < STEP.candidate) {
    const reviews = datesOf(f, STEP.review);
    reviewDue = addMonthsToDate(reviews.at(-1) ?? activist, rules.reviewEveryMonths);
    if (step === STEP.candidate) earliest = addMonthsToDate(activist, rules.activistMinMonths);
  }
  if (step === STEP.admissionApproval || step === STEP.confirmationApproval) {
    due = addMonthsToDate(dateOf(f, step - 2)!, rules.approvalWithinMonths);
  }
  const end = probationEndOf(f, rules);
  if (end && step > STEP.admissionApproval && step <= STEP.confirmationVote) {
    // Probation ends on its date: the branch meeting discusses confirmation then, not before.
    due = end;
    if (step === STEP.confirmationVote) earliest = end;
  }
  for (const [purpose, before] of Object.entries(NOTICE_BEFORE_STEP)) {
    if (before !== step) continue;
    const notice = latestNotice(f, purpose as NoticePurpose);
    if (notice) earliest = maxDate(earliest, addDays(notice.endsOn, 1));
  }
  return { step, earliest, due, reviewDue };
}

const maxDate = (a: string | null, b: string) => (a && a > b ? a : b);
const latestNotice = (f: DevelopmentFacts, purpose: NoticePurpose) =>
  f.notices
    .filter((n) => n.purpose === purpose)
    .sort((a, b) => (a.startsOn < b.startsOn ? -1 : 1))
    .at(-1);

/** The overdue and upcoming deadline of a file on `today` (the earlier of the next step's and a review's). */
export function deadlineOf(f: DevelopmentFacts, today: string, rules: DevelopmentRules = DEVELOPMENT_RULES) {
  const next = nextStep(f, rules);
  if (!next) return null;
  const dates = [next.due, next.reviewDue].filter((d): d is string => d !== null).sort();
  const due = dates[0] ?? null;
  if (!due) return { step: next.step, due: null, overdue: false, upcoming: false, review: false };
  return {
    step: next.step,
    due,
    overdue: due < today,
    upcoming: due >= today && due <= addDays(today, rules.upcomingDays),
    review: due === next.reviewDue && due !== next.due,
  };
}

/**
 * Every rule a step breaks when recorded on `input.doneOn`, with a message naming the rule. Checks here need no
 * database; whether mentors and sponsors are full members of the branch is the server's part.
 */
export function checkStep(
  f: DevelopmentFacts,
  input: StepInput,
  today: string,
  personId: string,
  rules: DevelopmentRules = DEVELOPMENT_RULES,
): StepIssue[] {
  const issues: StepIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const def = stepOf(input.step);
  if (!def) return [{ field: 'step', message: `步骤应为 1 到 ${STEP_COUNT}` }];
  const last = lastDone(f);
  const d = input.doneOn;
  if (d > today) add('doneOn', '办理日期不能晚于今天');

  if (def.repeatable && input.step === last) {
    // Another review while the next step has not started.
  } else if (input.step <= last) {
    return [{ field: 'step', message: `第${input.step}步「${def.title}」已经办理` }];
  } else if (input.step !== last + 1) {
    return [{ field: 'step', message: `请先办理第${last + 1}步「${stepOf(last + 1)!.title}」` }];
  }
  const previous = f.steps.reduce<string | null>((m, s) => (!m || s.doneOn > m ? s.doneOn : m), null);
  if (previous && d < previous) add('doneOn', `办理日期不能早于上一步的日期 ${previous}`);

  const applied = dateOf(f, STEP.application);
  const activist = dateOf(f, STEP.activist);
  switch (input.step) {
    case STEP.application:
      if (ageOn(f.birthDate, d) < rules.minAge)
        add('doneOn', `递交入党申请书时须年满${rules.minAge}周岁（出生日期 ${f.birthDate}）`);
      break;
    case STEP.talk: {
      const limit = addMonthsToDate(applied!, rules.talkWithinMonths);
      if (d > limit)
        add('doneOn', `应在收到入党申请书后${rules.talkWithinMonths}个月内派人谈话（${applied} 递交，最迟 ${limit}）`);
      break;
    }
    case 5: {
      const n = new Set(input.mentorIds ?? []).size;
      if (n < rules.mentorsMin || n > rules.mentorsMax || n !== (input.mentorIds ?? []).length) {
        add('mentorIds', `培养联系人应为${rules.mentorsMin}至${rules.mentorsMax}名正式党员，且不能重复`);
      }
      break;
    }
    case STEP.candidate: {
      const earliest = addMonthsToDate(activist!, rules.activistMinMonths);
      if (d < earliest) add('doneOn', `确定为入党积极分子（${activist}）满1年后方可确定为发展对象，最早 ${earliest}`);
      let from = activist!;
      for (const at of [...datesOf(f, STEP.review), d]) {
        const limit = addMonthsToDate(from, rules.reviewEveryMonths);
        if (at > limit) {
          add('doneOn', `培养教育考察应每${rules.reviewEveryMonths}个月进行一次：${from} 之后最迟 ${limit} 应有一次考察`);
          break;
        }
        from = at;
      }
      break;
    }
    case 9: {
      const ids = input.sponsorIds ?? [];
      if (ids.length !== rules.sponsors || new Set(ids).size !== ids.length)
        add('sponsorIds', `入党介绍人应为${rules.sponsors}名正式党员`);
      break;
    }
    case STEP.politicalReview:
      if (input.passed !== true) add('passed', '政治审查结论为合格方可继续发展；不合格的请终止发展');
      break;
    case STEP.training: {
      const days = input.trainingDays ?? 0;
      const hours = input.trainingHours ?? 0;
      if (days < rules.trainingMinDays && hours < rules.trainingMinHours) {
        add(
          'trainingDays',
          `集中培训应不少于${rules.trainingMinDays}天或${rules.trainingMinHours}学时（现为 ${days} 天、${hours} 学时）`,
        );
      }
      break;
    }
    case STEP.admissionVote:
    case STEP.confirmationVote:
      checkVote(input, personId, add);
      break;
    case STEP.admissionApproval:
    case STEP.confirmationApproval: {
      const resolved = dateOf(f, input.step - 2)!;
      const limit = addMonthsToDate(resolved, rules.approvalWithinMonths);
      if (d > limit)
        add('doneOn', `上级党委应在支部大会决议（${resolved}）后${rules.approvalWithinMonths}个月内审批，最迟 ${limit}`);
      break;
    }
  }
  if (input.step === STEP.confirmationVote) {
    const end = probationEndOf(f, rules)!;
    if (d < end) add('doneOn', `预备期至 ${end} 届满，届满后方可讨论转正`);
  }
  for (const [purpose, before] of Object.entries(NOTICE_BEFORE_STEP)) {
    if (before !== input.step) continue;
    const label = NOTICE_PURPOSE_LABELS[purpose as NoticePurpose];
    const notice = latestNotice(f, purpose as NoticePurpose);
    if (!notice) add('step', `请先进行${label}`);
    else if (d <= notice.endsOn) add('doneOn', `${label}至 ${notice.endsOn} 期满，期满后方可办理`);
    else if (notice.upheldObjections > 0) add('step', `${label}期间有反映属实的意见，不能继续办理`);
  }
  return issues;
}

function checkVote(input: StepInput, personId: string, add: (field: string, message: string) => void) {
  const v = input.vote;
  if (!v) return add('vote', '请填写表决情况');
  if (v.candidateIds.length > 1) {
    return add('vote.candidateIds', '「成熟一个，发展一个」：支部大会须对每名对象逐个表决，不能一次表决多人');
  }
  if (v.candidateIds[0] !== personId) return add('vote.candidateIds', '表决对象应为本人');
  try {
    const outcome = voteOutcome(v);
    if (!outcome.passed) add('vote', outcome.reason);
  } catch (e) {
    add('vote', (e as Error).message);
  }
}

/** An extension of probation: once, by 6–12 whole months, while probationary and before the confirmation vote. */
export function checkExtension(f: DevelopmentFacts, months: number, rules: DevelopmentRules = DEVELOPMENT_RULES): StepIssue[] {
  const last = lastDone(f);
  if (last < STEP.admissionApproval || last >= STEP.confirmationVote) {
    return [{ field: 'months', message: '只有上级党委审批后、支部大会讨论转正前的预备党员可以延长预备期' }];
  }
  if (f.extensionMonths) return [{ field: 'months', message: '预备期只能延长一次' }];
  if (!Number.isInteger(months) || months < rules.extensionMinMonths || months > rules.extensionMaxMonths) {
    return [{ field: 'months', message: `延长预备期应为${rules.extensionMinMonths}至${rules.extensionMaxMonths}个月` }];
  }
  return [];
}
