import type { RubricBodyInput } from '@tongxin/contracts';
import { type RubricBody, rubricIssues, rubricTotal, STAR_LABELS, type StarLevel } from '@tongxin/contracts/labels';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Input,
  InputNumber,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../components/PageHeader';
import { ratingApi, useInvalidateRatings, useRubric, useRubrics } from '../features/ratings/api';
import { isApiError } from '../lib/api';

/** The rubric editor: a version shown in full; a city committee admin edits it and saves it as a new version. */
export default function RatingRubricPage() {
  const { version = '' } = useParams();
  const rubric = useRubric(version);
  const list = useRubrics();
  if (rubric.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (rubric.error) {
    const missing = isApiError(rubric.error) && rubric.error.status === 404;
    return (
      <Card>
        <Result status={missing ? '404' : 'error'} title={missing ? '评定标准不存在' : rubric.error.message} />
      </Card>
    );
  }
  return (
    <Editor
      key={version}
      initial={rubric.data.body as RubricBody}
      canSave={!!list.data?.abilities.create}
      builtIn={rubric.data.builtIn}
    />
  );
}

function Editor({ initial, canSave, builtIn }: { initial: RubricBody; canSave: boolean; builtIn: boolean }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidateRatings();
  const [r, setR] = useState<RubricBody>(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const issues = rubricIssues(r);
  const ro = !canSave;
  const setIndicator = (di: number, ii: number, patch: Partial<RubricBody['dimensions'][number]['indicators'][number]>) =>
    setR({
      ...r,
      dimensions: r.dimensions.map((d, x) =>
        x !== di ? d : { ...d, indicators: d.indicators.map((i, y) => (y === ii ? { ...i, ...patch } : i)) },
      ),
    });
  const rows = r.dimensions.flatMap((d, di) => d.indicators.map((i, ii) => ({ d, di, i, ii })));
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { version } = await ratingApi.createRubric(r as RubricBodyInput);
      void message.success('已保存为新版本');
      await invalidate();
      navigate(`/ratings/rubrics/${version}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : '保存失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card>
      <PageHeader title="评定标准">
        {canSave && (
          <Button type="primary" loading={busy} disabled={issues.length > 0} onClick={save} data-testid="rubric-save">
            另存为新版本
          </Button>
        )}
      </PageHeader>
      <Typography.Paragraph type="secondary">
        标准按版本保存，已开展的评定沿用开展时的版本；修改后另存为新版本，供以后的评定选用。{builtIn && '当前为默认模板。'}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {issues.length > 0 && (
        <Alert type="warning" showIcon title={issues.map((x) => x.message).join('；')} style={{ marginBottom: 12 }} />
      )}
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label="名称">
          {ro ? (
            r.name
          ) : (
            <Input value={r.name} onChange={(e) => setR({ ...r, name: e.target.value })} style={{ minWidth: 240 }} />
          )}
        </Descriptions.Item>
        <Descriptions.Item label="总分">{rubricTotal(r)}分</Descriptions.Item>
        <Descriptions.Item label="有效期">
          <InputNumber
            disabled={ro}
            min={12}
            max={24}
            value={r.validityMonths}
            onChange={(v) => setR({ ...r, validityMonths: v ?? 24 })}
            suffix="个月"
          />
        </Descriptions.Item>
      </Descriptions>
      <Table
        rowKey={(x) => x.i.key}
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '维度', key: 'd', render: (_, x) => x.d.name },
          {
            title: '指标',
            key: 'n',
            render: (_, x) =>
              ro ? x.i.name : <Input value={x.i.name} onChange={(e) => setIndicator(x.di, x.ii, { name: e.target.value })} />,
          },
          {
            title: '分值',
            key: 'm',
            render: (_, x) => (
              <InputNumber
                disabled={ro}
                min={1}
                max={100}
                value={x.i.maxPoints}
                onChange={(v) => setIndicator(x.di, x.ii, { maxPoints: v ?? 1 })}
                data-testid={`max-${x.i.key}`}
              />
            ),
          },
          {
            title: '须佐证',
            key: 'e',
            render: (_, x) => (
              <Checkbox
                disabled={ro}
                checked={x.i.evidenceRequired}
                onChange={(e) => setIndicator(x.di, x.ii, { evidenceRequired: e.target.checked })}
              />
            ),
          },
          {
            title: '评分说明与扣分规则',
            key: 'g',
            onCell: () => ({ style: { minWidth: 260, maxWidth: 420, whiteSpace: 'normal' } }),
            render: (_, x) => (
              <>
                {ro ? (
                  x.i.guidance
                ) : (
                  <Input.TextArea
                    autoSize
                    value={x.i.guidance}
                    onChange={(e) => setIndicator(x.di, x.ii, { guidance: e.target.value })}
                  />
                )}
                {x.i.deductions.map((dd) => (
                  <div key={dd.key} style={{ fontSize: 12 }}>
                    {dd.text}：扣{dd.points}分
                  </div>
                ))}
              </>
            ),
          },
        ]}
      />
      <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
        <Card size="small" title={`${r.bonusName}（合计不超过${r.bonusMax}分）`}>
          {r.bonus.map((b) => (
            <div key={b.key}>
              {b.name}：最高{b.maxPoints}分 {b.innovation && <Tag color="gold">创新项目</Tag>}
            </div>
          ))}
        </Card>
        <Card size="small" title="星级分数线">
          {r.thresholds.map((t, i) => (
            <Space key={t.stars} wrap style={{ marginBottom: 4 }}>
              <span style={{ width: 64, display: 'inline-block' }}>{STAR_LABELS[t.stars as StarLevel]}</span>
              <InputNumber
                disabled={ro}
                min={0}
                max={rubricTotal(r)}
                value={t.minScore}
                prefix="≥"
                suffix="分"
                onChange={(v) =>
                  setR({ ...r, thresholds: r.thresholds.map((x, j) => (j === i ? { ...x, minScore: v ?? 0 } : x)) })
                }
                data-testid={`threshold-${t.stars}`}
              />
              <Checkbox
                disabled={ro}
                checked={t.requiresInnovation}
                onChange={(e) =>
                  setR({
                    ...r,
                    thresholds: r.thresholds.map((x, j) => (j === i ? { ...x, requiresInnovation: e.target.checked } : x)),
                  })
                }
              >
                须有创新项目
              </Checkbox>
            </Space>
          ))}
          <div style={{ color: 'rgba(0,0,0,0.55)' }}>未达任何分数线为一星级。</div>
        </Card>
        <Card size="small" title="名额与一票否决">
          {r.quotas.map((q, i) => (
            <Space key={q.stars} style={{ marginBottom: 4 }}>
              <span>{STAR_LABELS[q.stars as StarLevel]}不超过参评支部的</span>
              <InputNumber
                disabled={ro}
                min={1}
                max={100}
                value={q.maxPercent}
                suffix="%"
                onChange={(v) => setR({ ...r, quotas: r.quotas.map((x, j) => (j === i ? { ...x, maxPercent: v ?? 1 } : x)) })}
              />
            </Space>
          ))}
          {r.vetoes.map((v) => (
            <div key={v.key}>
              一票否决：{v.name}（最高{STAR_LABELS[v.capStars as StarLevel]}）
            </div>
          ))}
        </Card>
      </Space>
    </Card>
  );
}
