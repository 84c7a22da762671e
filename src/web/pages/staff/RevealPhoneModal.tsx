// 查看完整电话 of a staff member: the shared reveal dialog on the staff reveal endpoint.
import { RevealModal } from '../../components/RevealModal.js';
import type { Staff } from '../../types.js';

/** The reveal dialog for one member's phone. */
export function RevealPhoneModal({ member, onClose }: { member: Staff | null; onClose(): void }) {
  return (
    <RevealModal
      request={member ? { subject: member.name, path: `/staff/${member.id}/reveal`, fields: { phone: '电话' } } : null}
      onClose={onClose}
    />
  );
}
