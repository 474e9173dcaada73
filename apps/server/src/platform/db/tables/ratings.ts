/** Five-star rating (五星创评), showcases and incubation (migration 0040). JSON columns hold text. */
export interface RatingRubricTable {
  version: string;
  name: string;
  body: string;
  total_points: number;
  created_at: string;
  created_by: string | null;
  created_by_name: string | null;
}

export interface RatingRoundTable {
  id: string;
  org_id: string;
  title: string;
  year: number;
  rubric_version: string;
  status: 'open' | 'notice' | 'published';
  self_from: string;
  self_until: string;
  notice_from: string | null;
  notice_until: string | null;
  published_at: string | null;
  opened_at: string;
  opened_by: string | null;
  opened_by_name: string | null;
  version: number;
}

export interface RatingTable {
  id: string;
  round_id: string;
  org_id: string;
  status: 'draft' | 'submitted' | 'reviewed' | 'approved' | 'published';
  facts: string | null;
  facts_at: string | null;
  self_scores: string | null;
  self_total: number | null;
  self_stars: number | null;
  summary: string | null;
  evidence: string | null;
  submitted_at: string | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  review_scores: string | null;
  review_reasons: string | null;
  review_total: number | null;
  review_stars: number | null;
  review_opinion: string | null;
  reviewed_at: string | null;
  reviewed_by: string | null;
  reviewed_by_name: string | null;
  final_stars: number | null;
  capped_by: string | null;
  approve_opinion: string | null;
  approved_at: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  version: number;
}

export interface RatingObjectionTable {
  id: string;
  rating_id: string;
  text: string;
  raised_at: string;
  raised_by: string | null;
  raised_by_name: string | null;
  resolution: string | null;
  upheld: number | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolved_by_name: string | null;
}

export interface OrgStarTable {
  id: string;
  org_id: string;
  rating_id: string;
  stars: number;
  valid_from: string;
  valid_until: string;
  published_at: string;
}

export interface ShowcaseTable {
  id: string;
  org_id: string;
  kind: 'showcase' | 'incubation';
  title: string;
  mentor_name: string;
  mentor_org_id: string | null;
  target_stars: number | null;
  targets: string;
  started_on: string;
  due_on: string;
  status: 'active' | 'achieved' | 'ended';
  percent: number;
  created_at: string;
  created_by_name: string | null;
}

export interface ShowcaseProgressTable {
  id: string;
  showcase_id: string;
  note: string;
  percent: number;
  recorded_at: string;
  recorded_by: string | null;
  recorded_by_name: string | null;
}

export interface RatingTables {
  rating_rubric: RatingRubricTable;
  rating_round: RatingRoundTable;
  rating: RatingTable;
  rating_objection: RatingObjectionTable;
  org_star: OrgStarTable;
  showcase: ShowcaseTable;
  showcase_progress: ShowcaseProgressTable;
}
