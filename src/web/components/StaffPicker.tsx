// Choosing a staff member to be someone's caseworker (a claimant's, UI-4; a hard-to-employ person's,
// AID-2): the active staff of the user's scope whose own area holds the person, the user first as
// 本人. The server refuses anyone else; the list only spares the user a refusal.
import { Select } from 'antd';
import { getAllPages } from '../api.js';
import type { ItemOf } from '../apiTypes.js';
import { useUser } from '../auth.js';
import { useLoad } from '../hooks.js';
import type { Role } from '../../shared/roles.js';

type StaffItem = ItemOf<'/api/v1/staff'>;

export interface StaffPickerProps {
  /** The staff are loaded while this is true (the dialog is open). */
  active: boolean;
  /** Region code of the person: only staff whose area holds it are offered. */
  regionCode: string;
  /** Only staff with this role (any role when not given). */
  role?: Role;
  /** The current caseworker, not offered again. */
  exclude?: string | null;
  'aria-label': string;
  placeholder: string;
  /** From Form.Item. */
  id?: string;
  value?: string;
  onChange?: (staffId: string) => void;
}

/** A searchable select of the staff who may take the person on. */
export function StaffPicker({ active, regionCode, role, exclude = null, ...select }: StaffPickerProps) {
  const user = useUser();
  const staff = useLoad(
    async () => (active ? getAllPages<StaffItem>('/staff', { ...(role ? { role } : {}), disabled: false }) : []),
    [active, role],
  );
  const others = (staff.data ?? []).filter((s) => regionCode.startsWith(s.scope) && s.id !== user.id && s.id !== exclude);
  const self = regionCode.startsWith(user.scope) && user.id !== exclude;
  const options = [
    ...(self ? [{ value: user.id, label: `${user.name}（本人）` }] : []),
    ...others.map((s) => ({ value: s.id, label: `${s.name}${s.unitName ? `，${s.unitName}` : ''}` })),
  ];
  return <Select {...select} showSearch={{ optionFilterProp: 'label' }} loading={staff.loading} options={options} />;
}
