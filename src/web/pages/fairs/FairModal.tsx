// 新建招聘会 / 修改招聘会 (JOB-6): name, kind (general or a special fair of seed 002 §(十六)),
// date, venue and the community or street where it is held.
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { jobFairKindNames, optionsOf } from '../../labels.js';
import type { JobFair, JobFairKind } from '../../types.js';

interface Values {
  name: string;
  kind: JobFairKind;
  date: Dayjs;
  venue: string;
  regionCode: string;
  description?: string;
}

/** The dialog: creates a fair, or edits `fair` when given; `onDone` gets the saved fair. */
export function FairModal({
  open,
  fair,
  onClose,
  onDone,
}: {
  open: boolean;
  fair?: JobFair | undefined;
  onClose(): void;
  onDone(fair: JobFair): void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<Values>
      title={fair ? `修改招聘会：${fair.name}` : '新建招聘会'}
      open={open}
      onClose={onClose}
      okText={fair ? '保存' : '新建'}
      width={640}
      initialValues={
        fair
          ? {
              name: fair.name,
              kind: fair.kind,
              date: dayjs(fair.date),
              venue: fair.venue,
              regionCode: fair.regionCode,
              description: fair.description ?? undefined,
            }
          : { kind: 'general' }
      }
      onSubmit={async (v, { idempotencyKey }) => {
        const body = {
          name: v.name.trim(),
          kind: v.kind,
          date: v.date.format('YYYY-MM-DD'),
          venue: v.venue.trim(),
          regionCode: v.regionCode,
          description: v.description?.trim() || null,
        };
        const saved = fair ? await patch<JobFair>(`/fairs/${fair.id}`, body) : await post<JobFair>('/fairs', body, { idempotencyKey });
        message.success(fair ? '招聘会已保存' : `已新建招聘会：${saved.name}`);
        onDone(saved);
      }}
    >
      <Form.Item
        name="name"
        label="名称"
        rules={[
          { required: true, whitespace: true, message: '请填写招聘会名称' },
          { min: 2, max: 80, message: '名称应为 2 至 80 个字' },
        ]}
      >
        <Input placeholder="如：小店区2026年春风行动农民工专场招聘会" />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Select options={optionsOf(jobFairKindNames)} />
      </Form.Item>
      <Form.Item name="date" label="举办日期" rules={[{ required: true, message: '请选择举办日期' }]}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="venue"
        label="举办地点"
        rules={[
          { required: true, whitespace: true, message: '请填写举办地点' },
          { min: 2, max: 120, message: '地点应为 2 至 120 个字' },
        ]}
      >
        <Input placeholder="如：小店区人力资源市场（坞城路）" />
      </Form.Item>
      <Form.Item
        name="regionCode"
        label="所在区域"
        rules={[{ required: true, message: '请选择举办地所在的街道或社区' }]}
        extra="决定哪些机构能看到和管理这场招聘会"
      >
        <RegionPicker baseScope={user.scope} />
      </Form.Item>
      <Form.Item name="description" label="说明" rules={[{ max: 2000, message: '最多 2000 个字' }]}>
        <Input.TextArea rows={3} placeholder="如：免费入场，现场提供岗位推荐和政策咨询" />
      </Form.Item>
    </FormModal>
  );
}
