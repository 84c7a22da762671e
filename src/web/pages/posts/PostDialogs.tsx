// The dialogs of public-welfare posts (AID-4): registering a post, placing a person on a post (from
// the post, or from a zero-employment case with the person given), and a placement's exit.
import { useEffect, useState } from 'react';
import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { padRegionCode } from '../../../shared/region.js';
import { placementExitReasonNames, welfarePostTypeNames } from '../../../shared/labels.js';
import { ApiError, get, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { FormModal } from '../../components/FormModal.js';
import { fieldOfPath } from '../../components/formErrors.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { useLoad } from '../../hooks.js';
import { optionsOf } from '../../labels.js';
import { shanghaiToday } from '../../format.js';
import type { Paged } from '../../types.js';
import { servesArea } from './postRules.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { postsPath, type Placement, type PostDetail, type PostItem } from './postTypes.js';

const afterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');
const day = (d: Dayjs) => d.format('YYYY-MM-DD');

interface PostValues {
  name: string;
  sponsor: string;
  postType: string;
  regionCode: string;
  places: number;
  startDate: Dayjs;
  endDate: Dayjs;
}

/** 登记岗位: a post with its sponsor, type, area (the user's own by default), places and term. */
export function CreatePostModal({ open, onClose, onDone }: { open: boolean; onClose(): void; onDone(created: PostDetail): void }) {
  const user = useUser();
  const { message } = App.useApp();
  return (
    <FormModal<PostValues>
      title="登记公益性岗位"
      open={open}
      onClose={onClose}
      okText="登记"
      width={640}
      initialValues={{ postType: 'community_service', regionCode: padRegionCode(user.scope), places: 1 }}
      onSubmit={async (v, { idempotencyKey }) => {
        const created = await post<PostDetail>(
          postsPath,
          {
            name: v.name.trim(),
            sponsor: v.sponsor.trim(),
            postType: v.postType,
            regionCode: v.regionCode,
            places: v.places,
            startDate: day(v.startDate),
            endDate: day(v.endDate),
          },
          { idempotencyKey },
        );
        message.success(`已登记岗位：${created.name}`);
        onDone(created);
      }}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="name"
            label="岗位名称"
            rules={[
              { required: true, whitespace: true, message: '请填写岗位名称' },
              { min: 2, max: 100 },
            ]}
          >
            <Input placeholder="如：社区保洁员" maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="sponsor"
            label="开发单位"
            extra="开发（出资）岗位的单位"
            rules={[
              { required: true, whitespace: true, message: '请填写开发单位' },
              { min: 2, max: 100 },
            ]}
          >
            <Input placeholder="如：师范街街道办事处" maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="postType" label="岗位类型" rules={[{ required: true, message: '请选择岗位类型' }]}>
            <Select options={optionsOf(welfarePostTypeNames)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="regionCode"
            label="所在区域"
            extra="岗位所在的街道或社区；默认为本人管辖区域"
            rules={[{ required: true, message: '请选择所在区域' }]}
          >
            <RegionPicker baseScope={user.scope} maxLevel={5} required />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="places" label="名额" rules={[{ required: true, message: '请填写名额' }]}>
            <InputNumber min={1} max={10000} precision={0} suffix="个" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={8}>
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
      </Row>
    </FormModal>
  );
}

/** The posts that run today with a free place in an area (a household's community), for the case page. */
function FreePostSelect({
  id,
  areaCode,
  value,
  onChange,
}: {
  id?: string;
  areaCode: string;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const today = shanghaiToday();
  const posts = useLoad(() => get<Paged<PostItem>>(postsPath, { free: true, activeOn: today, pageSize: 100 }), [today]);
  const here = (posts.data?.items ?? []).filter((p) => servesArea(p.regionCode, areaCode));
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={onChange}
      loading={posts.loading}
      placeholder="请选择有空余名额的岗位"
      notFoundContent={posts.loading ? '正在加载…' : '该家庭所在区域目前没有有空余名额的公益性岗位'}
      options={here.map((p) => ({
        value: p.id,
        label: `${p.name}（${p.sponsor}，空余 ${p.places - p.occupied} 个）`,
      }))}
    />
  );
}

interface PlacementValues {
  postId?: string;
  personId?: string;
  startDate: Dayjs;
  overrideReason?: string;
}

/** True when the API's answer names the override reason (a person outside the priority groups). */
const asksForReason = (err: unknown) => err instanceof ApiError && err.errors.some((e) => fieldOfPath(e.path) === 'overrideReason');

/**
 * 安置上岗: on a given post a registered-unemployed person picked here, or a given person (from a
 * zero-employment case) on a post with a free place in their household's area. The placement
 * registers the employment. 安置理由 shows once the server asks for it: the person is in no priority group.
 */
export function PlacementModal({
  open,
  post: onPost,
  person,
  onClose,
  onDone,
}: {
  open: boolean;
  /** The post to place on; without it the dialog offers the free posts of the person's area. */
  post?: PostDetail;
  /** The person to place, with their household's area; without it the dialog offers a search. */
  person?: { id: string; name: string; areaCode: string } | null;
  onClose(): void;
  onDone(placement: Placement): void;
}) {
  const { message } = App.useApp();
  const [needReason, setNeedReason] = useState(false);
  useEffect(() => {
    if (open) setNeedReason(false);
  }, [open]);
  const startFloor = onPost?.startDate;
  return (
    <FormModal<PlacementValues>
      title={person ? `安置公益性岗位：${person.name}` : '安置上岗'}
      open={open}
      onClose={onClose}
      okText="安置"
      width={640}
      initialValues={{ startDate: dayjs(), personId: person?.id, postId: onPost?.id }}
      onSubmit={async (v, { idempotencyKey }) => {
        const postId = onPost?.id ?? v.postId;
        try {
          const placed = await post<Placement>(
            `${postsPath}/${postId}/placements`,
            { personId: person?.id ?? v.personId, startDate: day(v.startDate), overrideReason: v.overrideReason?.trim() || undefined },
            { idempotencyKey },
          );
          message.success(`${placed.personName} 已安置到 ${placed.postName}，并已办理就业登记`);
          onDone(placed);
        } catch (err) {
          if (asksForReason(err)) setNeedReason(true);
          throw err;
        }
      }}
    >
      {onPost ? (
        <Typography.Paragraph>
          岗位：{onPost.name}（{onPost.sponsor}），空余 {onPost.free} 个名额
        </Typography.Paragraph>
      ) : (
        <Form.Item name="postId" label="公益性岗位" rules={[{ required: true, message: '请选择岗位' }]}>
          <FreePostSelect areaCode={person?.areaCode ?? ''} />
        </Form.Item>
      )}
      {!person && (
        <Form.Item
          name="personId"
          label="安置人员"
          extra="只列出登记失业的人员；就业困难人员等优先安置"
          rules={[{ required: true, message: '请选择安置人员' }]}
        >
          <PersonSearch unemployedOnly />
        </Form.Item>
      )}
      <Form.Item
        name="startDate"
        label="上岗日期"
        extra="同时办理就业登记（就业形式：公益性岗位）"
        rules={[{ required: true, message: '请选择上岗日期' }]}
      >
        <DatePicker disabledDate={(d) => afterToday(d) || (!!startFloor && d.isBefore(dayjs(startFloor), 'day'))} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item
        name="overrideReason"
        label="安置理由"
        hidden={!needReason}
        rules={
          needReason
            ? [
                { required: true, whitespace: true, message: '请填写安置理由' },
                { min: 4, max: 200, message: '4 至 200 个字' },
              ]
            : []
        }
      >
        <Input.TextArea rows={2} maxLength={200} placeholder="如：家庭生活困难，经社区评议同意安置" />
      </Form.Item>
    </FormModal>
  );
}

/** 退出: the last day on the post, why, and a note; the employment ends with it. */
export function ExitModal({ placement, onClose, onDone }: { placement: Placement | null; onClose(): void; onDone(p: Placement): void }) {
  const { message } = App.useApp();
  return (
    <FormModal<{ date: Dayjs; reason: string; note?: string }>
      title={placement ? `退出岗位：${placement.personName}` : '退出岗位'}
      open={!!placement}
      onClose={onClose}
      okText="退出"
      initialValues={{ date: dayjs() }}
      onSubmit={async (v, { idempotencyKey }) => {
        if (!placement) return;
        const exited = await post<Placement>(
          `/assistance/placements/${placement.id}/exit`,
          { date: day(v.date), reason: v.reason, note: v.note?.trim() || undefined },
          { idempotencyKey },
        );
        message.success(`${exited.personName} 已退出岗位，并已办理就业终止登记`);
        onDone(exited);
      }}
    >
      {placement && (
        <Typography.Paragraph type="secondary">
          上岗日期 {placement.startDate}，计划截止 {placement.endDate}。退出后同时办理就业终止登记。
        </Typography.Paragraph>
      )}
      <Space size={16} align="start" style={{ display: 'flex' }}>
        <Form.Item name="date" label="退出日期" extra="在岗最后一日" rules={[{ required: true, message: '请选择退出日期' }]}>
          <DatePicker disabledDate={afterToday} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="reason" label="退出原因" rules={[{ required: true, message: '请选择退出原因' }]} style={{ width: 220 }}>
          <Select options={optionsOf(placementExitReasonNames)} placeholder="请选择" />
        </Form.Item>
      </Space>
      <Form.Item name="note" label="说明" rules={[{ min: 2, max: 200, message: '2 至 200 个字' }]}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
