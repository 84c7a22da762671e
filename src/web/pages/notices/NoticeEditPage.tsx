// 撰写公告 (/notices/new) and 修改草稿 (/notices/:id/edit), JOB-8: title, category, the area it
// applies to, validity, the plain-text body and the documents it rests on. 保存草稿 keeps it;
// 保存并提交审核 sends it to a reviewer, who must be someone else.
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { noticeCategories, noticeCategoryNames } from '../../../shared/notices.js';
import { padRegionCode } from '../../../shared/region.js';
import { ApiError, get, patch, post } from '../../api.js';
import { useUser } from '../../auth.js';
import { RegionPicker } from '../../components/RegionPicker.js';
import { applyFieldErrors, errorText, problemText } from '../../components/formErrors.js';
import { useLoad } from '../../hooks.js';
import { optionsOf } from '../../labels.js';
import type { Notice, NoticeSource } from './types.js';

interface SourceValues {
  title?: string;
  documentNumber?: string;
  issuer?: string;
  date?: Dayjs | null;
  url?: string;
}

interface Values {
  title: string;
  category: keyof typeof noticeCategories;
  regionCode: string;
  validFrom?: Dayjs | null;
  validUntil?: Dayjs | null;
  body: string;
  sources?: SourceValues[];
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function bodyOf(v: Values) {
  return {
    title: v.title.trim(),
    category: v.category,
    regionCode: v.regionCode,
    validFrom: day(v.validFrom),
    validUntil: day(v.validUntil),
    body: v.body,
    sources: (v.sources ?? []).map((s) => ({
      title: (s.title ?? '').trim(),
      documentNumber: s.documentNumber?.trim() || null,
      issuer: (s.issuer ?? '').trim(),
      date: day(s.date),
      url: s.url?.trim() || null,
    })),
  };
}

function valuesOf(n: Notice): Values {
  return {
    title: n.title,
    category: n.category as Values['category'],
    regionCode: n.regionCode,
    validFrom: n.validFrom ? dayjs(n.validFrom) : null,
    validUntil: n.validUntil ? dayjs(n.validUntil) : null,
    body: n.body,
    sources: n.sources.map((s: NoticeSource) => ({
      title: s.title,
      documentNumber: s.documentNumber ?? undefined,
      issuer: s.issuer,
      date: s.date ? dayjs(s.date) : null,
      url: s.url ?? undefined,
    })),
  };
}

/**
 * Puts the API's field errors on the form, source fields (/sources/0/date) on their row; returns
 * the text for the alert above the form.
 */
function showErrors(form: ReturnType<typeof Form.useForm<Values>>[0], err: unknown): string | null {
  if (!(err instanceof ApiError)) return errorText(err);
  const nested = err.errors.filter((e) => /^\/sources\/\d+\/\w+$/.test(e.path));
  form.setFields(
    nested.map((e) => {
      const [, , index, field] = e.path.split('/');
      return { name: ['sources', Number(index), field as keyof SourceValues] as const, errors: [e.message] };
    }),
  );
  const rest = new ApiError(
    err.status,
    err.code,
    err.detail,
    err.errors.filter((e) => !nested.includes(e)),
    err.extra,
  );
  const leftover = applyFieldErrors(form, rest);
  return problemText(err, leftover);
}

/** The form page; with :id it edits that draft. */
export function NoticeEditPage() {
  const { id } = useParams();
  const loaded = useLoad(async () => (id ? get<Notice>(`/notices/${id}`) : null), [id]);
  if (id && loaded.error) return <Alert type="error" showIcon title={errorText(loaded.error)} />;
  if (id && !loaded.data) return <Skeleton active />;
  return <NoticeForm key={id ?? 'new'} notice={loaded.data ?? null} />;
}

function NoticeForm({ notice }: { notice: Notice | null }) {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [savedId, setSavedId] = useState(notice?.id);
  const category = Form.useWatch('category', form);
  const editable = !notice || notice.status === 'draft';

  const save = async (andSubmit: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setBusy(andSubmit ? 'submit' : 'save');
    setProblem(null);
    let stored = false;
    try {
      const saved = savedId ? await patch<Notice>(`/notices/${savedId}`, bodyOf(values)) : await post<Notice>('/notices', bodyOf(values));
      // Kept, so that a second try after a refused submission changes this draft instead of adding one.
      setSavedId(saved.id);
      stored = true;
      if (andSubmit) {
        await post<Notice>(`/notices/${saved.id}/submit`);
        message.success('已提交审核，审核员审核通过后在公开栏发布');
      } else message.success('草稿已保存');
      navigate(`/notices/${saved.id}`);
    } catch (err) {
      const text = showErrors(form, err);
      setProblem(stored ? `草稿已保存，但还不能提交审核：${text ?? '请按标出的提示修改'}` : text);
    } finally {
      setBusy(null);
    }
  };

  const needsSource = category ? noticeCategories[category].needsSource : false;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%', maxWidth: 1100 }}>
      <Link to={notice ? `/notices/${notice.id}` : '/notices'}>
        <ArrowLeftOutlined /> {notice ? '返回公告' : '返回政策公告'}
      </Link>
      {notice?.status === 'draft' && notice.reviewedAt && (
        <Alert
          type="warning"
          showIcon
          title={`审核员 ${notice.reviewedByName ?? ''} 退回了这则公告`}
          description={`退回原因：${notice.reviewComment ?? ''}`}
        />
      )}
      {!editable && <Alert type="info" showIcon title="只有草稿可以修改；已发布的公告如需更正，请撤回后重新撰写发布" />}
      <Card title={notice ? `修改草稿：${notice.title}` : '撰写政策公告'}>
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="form-problem" />}
        <Form<Values>
          form={form}
          name="notice"
          layout="vertical"
          disabled={!editable}
          initialValues={
            notice ? valuesOf(notice) : { category: 'employment_policy', regionCode: padRegionCode(user.scope), sources: [{}] }
          }
        >
          <Row gutter={16}>
            <Col xs={24} lg={16}>
              <Form.Item
                name="title"
                label="标题"
                rules={[
                  { required: true, whitespace: true, message: '请填写标题' },
                  { min: 4, max: 100, message: '标题应为 4 至 100 个字' },
                ]}
              >
                <Input placeholder="如：失业保险金申领须知" maxLength={100} showCount />
              </Form.Item>
            </Col>
            <Col xs={24} lg={8}>
              <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
                <Select options={optionsOf(noticeCategoryNames)} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="regionCode"
            label="适用地区"
            rules={[{ required: true, message: '请选择适用地区' }]}
            extra="区县的公告在该区县和全市的公开栏显示；市级公告在全市各区县显示"
          >
            <RegionPicker baseScope={user.scope} maxLevel={3} />
          </Form.Item>
          <Space wrap size={16}>
            <Form.Item name="validFrom" label="有效期自" extra="不填：发布即生效">
              <DatePicker placeholder="发布即生效" />
            </Form.Item>
            <Form.Item
              name="validUntil"
              label="有效期至"
              extra="不填：长期有效，直到撤回"
              dependencies={['validFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | null) => {
                    const from = getFieldValue('validFrom') as Dayjs | null;
                    return value && from && value.isBefore(from, 'day')
                      ? Promise.reject(new Error('截止日期不能早于开始日期'))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker placeholder="长期有效" />
            </Form.Item>
          </Space>
          <Form.Item
            name="body"
            label="正文"
            extra="纯文本，段落之间空一行；不要粘贴网页代码"
            rules={[
              { required: true, whitespace: true, message: '请填写正文' },
              { min: 20, max: 20000, message: '正文应为 20 至 20000 个字' },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 10, maxRows: 30 }}
              maxLength={20000}
              showCount
              placeholder="写明政策内容、适用对象、办理方式和咨询电话"
            />
          </Form.Item>
          <Typography.Title level={5}>
            政策依据文件
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400, marginLeft: 8 }}>
              {needsSource ? '本类公告须至少注明一个依据文件' : '可不填'}
            </Typography.Text>
          </Typography.Title>
          <Form.List name="sources">
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, i) => (
                  <Card size="small" key={field.key} style={{ marginBottom: 12, background: '#fafafa' }} data-testid="source-row">
                    <Row gutter={12}>
                      <Col xs={24} lg={12}>
                        <Form.Item
                          name={[field.name, 'title']}
                          label={`文件标题（${i + 1}）`}
                          rules={[
                            { required: true, whitespace: true, message: '请填写文件标题' },
                            { min: 4, max: 200, message: '4 至 200 个字' },
                          ]}
                        >
                          <Input placeholder="如：失业保险条例" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} lg={12}>
                        <Form.Item name={[field.name, 'documentNumber']} label="文号" rules={[{ max: 60, message: '最多 60 个字' }]}>
                          <Input placeholder="如：国务院令第258号；没有文号的留空" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} lg={8}>
                        <Form.Item
                          name={[field.name, 'issuer']}
                          label="发文机关"
                          rules={[
                            { required: true, whitespace: true, message: '请填写发文机关' },
                            { min: 2, max: 100, message: '2 至 100 个字' },
                          ]}
                        >
                          <Input placeholder="如：国务院" />
                        </Form.Item>
                      </Col>
                      <Col xs={24} lg={5}>
                        <Form.Item name={[field.name, 'date']} label="发文日期">
                          <DatePicker style={{ width: '100%' }} placeholder="可不填" />
                        </Form.Item>
                      </Col>
                      <Col xs={20} lg={10}>
                        <Form.Item
                          name={[field.name, 'url']}
                          label="原文链接"
                          rules={[{ pattern: /^https?:\/\/\S+$/, message: '以 http:// 或 https:// 开头的网址' }]}
                        >
                          <Input placeholder="可不填" />
                        </Form.Item>
                      </Col>
                      <Col xs={4} lg={1} style={{ display: 'flex', alignItems: 'center' }}>
                        <Button
                          aria-label={`删除依据文件 ${i + 1}`}
                          icon={<DeleteOutlined />}
                          type="text"
                          danger
                          onClick={() => remove(field.name)}
                        />
                      </Col>
                    </Row>
                  </Card>
                ))}
                <Form.ErrorList errors={errors} />
                <Button icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 20 || !editable}>
                  添加依据文件
                </Button>
              </>
            )}
          </Form.List>
        </Form>
        <Space style={{ marginTop: 24 }}>
          <Button icon={<SaveOutlined />} loading={busy === 'save'} disabled={!editable || busy !== null} onClick={() => void save(false)}>
            保存草稿
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={busy === 'submit'}
            disabled={!editable || busy !== null}
            onClick={() => void save(true)}
          >
            保存并提交审核
          </Button>
        </Space>
      </Card>
    </Space>
  );
}
