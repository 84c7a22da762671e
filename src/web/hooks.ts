// Small data hooks shared by the pages.
import { useCallback, useEffect, useState, type DependencyList } from 'react';
import { get, getAllPages, type Query } from './api.js';
import { regionDetail } from './regions.js';
import type { Paged, Unit } from './types.js';

export interface Loaded<T> {
  data: T | undefined;
  loading: boolean;
  error: unknown;
  reload(): void;
}

/** Runs `load` when the deps change (and on reload); keeps the last good data while loading. */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  // The caller names what the load depends on, as with useEffect.
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let live = true;
    setLoading(true);
    stableLoad()
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => live && setError(err))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [stableLoad, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, loading, error, reload };
}

/** Every unit in the user's scope (all pages). */
export function useAllUnits(query: Record<string, string | undefined> = {}): Loaded<Unit[]> {
  const key = JSON.stringify(query);
  return useLoad(() => getAllPages<Unit>('/units', query), [key]);
}

/** "山西省太原市小店区" for a scope prefix; '全国' for the empty scope. */
export function useScopeName(scope: string): string | undefined {
  const { data } = useLoad(async () => (scope === '' ? '全国' : (await regionDetail(scope)).fullName), [scope]);
  return data;
}

/**
 * The number of rows of each status of a paged list with the same filters (each the list's total,
 * one row asked for): the counts beside a list's status tabs.
 */
export function useStatusCounts<S extends string>(path: string, statuses: readonly S[], query: Query = {}): Loaded<Record<S, number>> {
  const key = JSON.stringify(query);
  return useLoad(async () => {
    const totals = await Promise.all(
      statuses.map((status) => get<Paged<unknown>>(path, { ...query, status, pageSize: 1 }).then((r) => r.total)),
    );
    return Object.fromEntries(statuses.map((s, i) => [s, totals[i] ?? 0])) as Record<S, number>;
  }, [path, statuses.join(), key]);
}
