import type { CommitteeLevel, OrgKind } from '@tongxin/contracts';
import { v7 as uuidv7 } from 'uuid';
import {
  branchName,
  cityName,
  companyName,
  DISTRICTS,
  districtName,
  generalBranchName,
  groupName,
  jointBranchName,
  type Named,
  parkName,
} from './names.js';

/** One generated org; `ancestors` runs from the root down to the parent (its closure rows). */
export interface PlannedOrg {
  id: string;
  parentId: string | null;
  ancestors: readonly string[];
  kind: OrgKind;
  level: CommitteeLevel | null;
  named: Named;
  /** Index of the district it belongs to (-1 for the city root). */
  district: number;
}

export type OrgSink = (org: PlannedOrg) => void;

// Relative sizes of the 7 districts: 江阳 (index 0, where the bench admin sits) is the largest.
const DISTRICT_WEIGHTS = [1.6, 1.3, 0.9, 1.0, 0.8, 0.7, 0.7];
const ORGS_PER_PARK = 800;
const PARK_SHARE = 0.8;

/**
 * Plans a "1+7+N" tree of exactly `total` orgs, depth-first (parents before children):
 * city → 7 districts → parks → general branches → branches / joint branches → groups (6 levels),
 * with some general branches and branches hanging directly under districts and parks.
 */
export function planTree(total: number, rand: () => number, emit: OrgSink): void {
  if (total < 8) throw new Error('--orgs 至少为 8（市委 + 7 个区县）');
  let joint = 0;
  const make = (stack: string[], kind: OrgKind, level: CommitteeLevel | null, named: Named, district: number): string[] => {
    const id = uuidv7();
    emit({ id, parentId: stack.at(-1) ?? null, ancestors: stack, kind, level, named, district });
    return [...stack, id];
  };

  // A branch (or joint branch); half of them have 1-3 groups; returns how many orgs it used.
  const branchUnit = (stack: string[], budget: number, district: number): number => {
    const d = DISTRICTS[district]!;
    const isJoint = rand() < 0.2;
    const named = isJoint ? jointBranchName(d, ++joint) : branchName(companyName(rand));
    const self = make(stack, isJoint ? 'joint_branch' : 'branch', null, named, district);
    const groups = Math.min(budget - 1, rand() < 0.5 ? 0 : 1 + Math.floor(rand() * 3));
    for (let i = 0; i < groups; i += 1) make(self, 'group', null, groupName(rand, i), district);
    return 1 + groups;
  };
  const fillBranches = (stack: string[], budget: number, district: number) => {
    while (budget > 0) budget -= branchUnit(stack, budget, district);
  };
  // Under a committee: general branches (each 6-25 orgs) mixed with branches.
  const fillCommittee = (stack: string[], budget: number, district: number) => {
    while (budget > 0) {
      if (budget >= 6 && rand() < 0.3) {
        const size = Math.min(budget, 6 + Math.floor(rand() * 20));
        const gb = make(stack, 'general_branch', null, generalBranchName(companyName(rand)), district);
        fillBranches(gb, size - 1, district);
        budget -= size;
      } else budget -= branchUnit(stack, budget, district);
    }
  };

  const city = make([], 'committee', 'city', cityName(), -1);
  const rest = total - 1;
  const weightSum = DISTRICT_WEIGHTS.reduce((a, b) => a + b, 0);
  const budgets = DISTRICT_WEIGHTS.map((w) => Math.max(1, Math.floor((rest * w) / weightSum)));
  budgets[0]! += rest - budgets.reduce((a, b) => a + b, 0);
  budgets.forEach((budget, district) => {
    const d = DISTRICTS[district]!;
    const self = make(city, 'committee', 'district', districtName(d), district);
    const inside = budget - 1;
    const parks = inside >= 20 ? Math.max(1, Math.round(inside / ORGS_PER_PARK)) : 0;
    const perPark = parks ? Math.floor((inside * PARK_SHARE) / parks) : 0;
    for (let p = 0; p < parks; p += 1) {
      const park = make(self, 'committee', 'park', parkName(rand, d, p + 1), district);
      fillCommittee(park, perPark - 1, district);
    }
    fillCommittee(self, inside - parks * perPark, district);
  });
}
