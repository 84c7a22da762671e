// 新增取值: a dated value of a parameter for a region prefix in the admin's scope; amounts in
// 分 are typed in yuan and sent as integer fen.
import { App, DatePicker, Form, Input, InputNumber } from 'antd';
import type { Dayjs } from 'dayjs';
import { scopeOf } from '../../../shared/region.js';
import { post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { yuanToFen } from '../../format.js';
import type { ParamHistory } from '../../types.js';

interface Values {
  regionPrefix: string;
  effectiveFrom: Dayjs;
  value: number;
  source: string;
}

/** The dialog adding one value to a parameter. */
export function ParamValueModal({
  param,
  open,
  onClose,
  onAdded,
}: {
  param: ParamHistory;
  open: boolean;
  onClose(): void;
  onAdded(): void;
}) {
  const user = useUser();
  const { message } = App.useApp();
  const isMoney = param.unit === '分';
  return (
    <FormModal<Values>
      title={`新增取值：${param.title}`}
      open={open}
      onClose={onClose}
      okText="保存"
      width={620}
      initialValues={{ regionPrefix: user.scope ? user.scope.padEnd(12, '0') : '' }}
      onSubmit={async (v, { idempotencyKey }) => {
        const body = {
          regionPrefix: v.regionPrefix ? scopeOf(v.regionPrefix) : '',
          effectiveFrom: v.effectiveFrom.format('YYYY-MM-DD'),
          value: isMoney ? yuanToFen(v.value) : v.value,
          source: v.source.trim(),
        };
        await post(`/params/${param.name}/values`, body, { idempotencyKey });
        message.success('已新增取值，到生效日期起按新值执行');
        onAdded();
      }}
    >
      <Form.Item name="regionPrefix" label="适用区划" extra="取值适用于所选区划及其全部下级，下级另有取值的以下级为准">
        <RegionPicker baseScope={user.scope} />
      </Form.Item>
      <Form.Item name="effectiveFrom" label="生效日期" rules={[{ required: true, message: '请选择生效日期' }]}>
        <DatePicker style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="value" label={isMoney ? '取值（元）' : `取值（${param.unit}）`} rules={[{ required: true, message: '请输入取值' }]}>
        <InputNumber min={0} precision={isMoney ? 2 : undefined} style={{ width: 200 }} suffix={isMoney ? '元' : param.unit} />
      </Form.Item>
      <Form.Item
        name="source"
        label="依据"
        extra="文件名称、文号及条款，如：某市《关于……的通知》（某政发〔2024〕1号）第三条"
        rules={[
          { required: true, whitespace: true, message: '请填写依据' },
          { min: 4, max: 500, message: '依据 4–500 个字' },
        ]}
      >
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
