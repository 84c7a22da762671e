// 新建 / 修改专项活动 (AID-7): name, kind, area, period, target groups and a number per indicator.
// Only the plan is entered here: the results are counted from the records of the period.
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { campaignIndicatorNames, campaignIndicators, campaignKindNames, campaignTargetGroupNames } from '../../../shared/campaigns.js';
import { padRegionCode } from '../../../shared/region.js';
import { patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { optionsOf } from '../../labels.js';
import { campaignsPath, type CampaignItem } from './campaignTypes.js';

interface CampaignValues {
  name: string;
  kind: string;
  regionCode: string;
  startDate: Dayjs;
  endDate: Dayjs;
  targetGroups: string[];
  targets: Record<string, number | null | undefined>;
  note?: string;
}

const day = (d: Dayjs) => d.format('YYYY-MM-DD');

/** The dialog; with `campaign` it edits that campaign, else it creates one. */
export function CampaignModal({
  open,
  campaign,
  onClose,
  onDone,
}: {
  open: boolean;
  campaign?: CampaignItem | undefined;
  onClose(): void;
  onDone(saved: CampaignItem): void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  const initialValues: Partial<CampaignValues> = campaign
    ? {
        name: campaign.name,
        kind: campaign.kind,
        regionCode: campaign.regionCode,
        startDate: dayjs(campaign.startDate),
        endDate: dayjs(campaign.endDate),
        targetGroups: campaign.targetGroups,
        targets: campaign.targets,
        note: campaign.note ?? '',
      }
    : { kind: 'assistance_month', regionCode: padRegionCode(user.scope), targetGroups: [], targets: {} };
  return (
    <FormModal<CampaignValues>
      title={campaign ? '修改专项活动' : '新建专项活动'}
      open={open}
      onClose={onClose}
      okText={campaign ? '保存' : '创建'}
      width={720}
      initialValues={initialValues}
      onSubmit={async (v, { idempotencyKey }) => {
        const targets = Object.fromEntries(Object.entries(v.targets ?? {}).filter(([, n]) => typeof n === 'number')) as Record<
          string,
          number
        >;
        const body = {
          name: v.name.trim(),
          kind: v.kind,
          regionCode: v.regionCode,
          startDate: day(v.startDate),
          endDate: day(v.endDate),
          targetGroups: v.targetGroups ?? [],
          targets,
          note: v.note?.trim() || null,
        };
        const saved = campaign
          ? await patch<CampaignItem>(`${campaignsPath}/${campaign.id}`, body)
          : await post<CampaignItem>(campaignsPath, body, { idempotencyKey });
        message.success(campaign ? '已保存' : `已创建：${saved.name}`);
        onDone(saved);
      }}
    >
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item
            name="name"
            label="活动名称"
            rules={[
              { required: true, whitespace: true, message: '请填写活动名称' },
              { min: 2, max: 100 },
            ]}
          >
            <Input placeholder="如：2027年再就业援助月" maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="kind" label="活动类型" rules={[{ required: true, message: '请选择活动类型' }]}>
            <Select options={optionsOf(campaignKindNames)} />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="regionCode"
            label="活动范围"
            extra="统计该区域及其下级的记录"
            rules={[{ required: true, message: '请选择活动范围' }]}
          >
            <RegionPicker baseScope={user.scope} maxLevel={5} required />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={5}>
          <Form.Item
            name="endDate"
            label="结束日期"
            dependencies={['startDate']}
            rules={[
              { required: true, message: '请选择结束日期' },
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) => {
                  const start = getFieldValue('startDate') as Dayjs | undefined;
                  return v && start && v.isBefore(start, 'day') ? Promise.reject(new Error('结束日期不能早于开始日期')) : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="targetGroups" label="目标群体" extra="不选为辖区全部人员；选定后按人统计的指标只计这些群体">
            <Select mode="multiple" allowClear placeholder="全部人员" options={optionsOf(campaignTargetGroupNames)} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" style={{ margin: '4px 0 12px' }}>
        目标数 <Typography.Text type="secondary">（不填为不设目标；实际数由活动期内的记录自动统计）</Typography.Text>
      </Divider>
      <Row gutter={16}>
        {campaignIndicators.map((code) => (
          <Col span={8} key={code}>
            <Form.Item name={['targets', code]} label={campaignIndicatorNames[code]}>
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        ))}
        <Col span={24}>
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} maxLength={1000} placeholder="活动主题、重点，如：送政策、送技能、送岗位、送服务" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
