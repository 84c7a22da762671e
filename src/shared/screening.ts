// What discrimination screening (JOB-3) finds and stores with a vacancy. The rules and the
// screening itself are in the vacancies module; these types are shared with the vacancies table
// and the web UI.

export type ScreeningCategory =
  'sex' | 'marital_childbearing' | 'ethnicity' | 'race' | 'religion' | 'disability' | 'infectious_disease' | 'origin' | 'age';

export type ScreeningSeverity = 'flag' | 'warning';

export interface ScreeningFlag {
  ruleId: string;
  category: ScreeningCategory;
  severity: ScreeningSeverity;
  /** The matched span exactly as in the input. */
  text: string;
  /** UTF-16 offsets into the input, so a UI can highlight `input.slice(start, end)`. */
  start: number;
  end: number;
  reason: string;
  legalSource: string;
}

/** Vacancy fields that are screened; each stored flag says which one it is in. */
export type ScreenedField = 'title' | 'description' | 'skills';
export type VacancyFlag = ScreeningFlag & { field: ScreenedField };
/** The screening stored with a vacancy. */
export interface VacancyScreening {
  flags: VacancyFlag[];
}
