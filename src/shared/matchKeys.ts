// Match keys (JOB-4): what a seeker or a vacancy is looked up by — occupation codes (o:), their
// 小类 groups (g:) and skills (s:). Written by the ledger (persons) and the vacancies module,
// read by matching, so the function lives below all three.

/** The 小类 of an occupation code (大类-中类-小类-细类), or null for codes of another shape. */
export function occupationGroupOf(code: string): string | null {
  return /^\d-\d{2}-\d{2}/.exec(code)?.[0] ?? null;
}

/** Keys matching looks candidates up by: occupation codes (o:), their groups (g:) and skills (s:). */
export function matchKeysOf(occupations: readonly (string | null | undefined)[], skills: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const code of occupations) {
    if (!code) continue;
    keys.add(`o:${code}`);
    const group = occupationGroupOf(code);
    if (group) keys.add(`g:${group}`);
  }
  for (const skill of skills) if (skill.trim()) keys.add(`s:${skill.trim()}`);
  return [...keys].sort();
}
