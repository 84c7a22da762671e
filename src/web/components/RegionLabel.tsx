// The name of a region prefix ('' is 全国), looked up once and cached.
import { useLoad } from '../hooks.js';
import { regionDetail } from '../regions.js';

/**
 * "太原市（1401）" for a prefix; the bare code when the division is not loaded here. `nameOnly`
 * leaves the code to the tooltip, for narrow table columns.
 */
export function RegionLabel({ prefix, nameOnly = false }: { prefix: string | null; nameOnly?: boolean }) {
  const { data } = useLoad(async () => (prefix ? (await regionDetail(prefix)).name : null), [prefix]);
  if (prefix === null) return <>—</>;
  if (prefix === '') return <>全国</>;
  if (nameOnly && data) return <span title={prefix}>{data}</span>;
  return <>{data ? `${data}（${prefix}）` : prefix}</>;
}
