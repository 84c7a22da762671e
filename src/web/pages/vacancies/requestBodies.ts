// Shaping request bodies for the job-market API. Its validator coerces a null of a free-text field
// into '' (ajv coerceTypes), so the forms send no null they do not mean: a create leaves empty
// fields out, and an edit sends only the fields that changed.

/** The body without its null members (for a create). */
export function withoutNulls<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null)) as Partial<T>;
}

/** The members of `next` that differ from `before` (for a PATCH); {} when nothing changed. */
export function changedFields<T extends object>(next: T, before: T): Partial<T> {
  const old = before as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(next).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(old[key])),
  ) as Partial<T>;
}
