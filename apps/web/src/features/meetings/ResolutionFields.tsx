import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { voteOutcome } from '@tongxin/contracts/labels';
import { Alert, Button, Card, Form, Input, InputNumber, Space, Switch } from 'antd';
import { meetingMessages as m } from './messages';

interface Electorate {
  entitled: number;
  present: number;
  committee: boolean;
}

/** The live verdict of the quorum rule as the counts are typed (the server decides again on save). */
function Verdict({ name, electorate }: { name: number; electorate: Electorate }) {
  const form = Form.useFormInstance();
  const r = Form.useWatch(['resolutions', name], form) as
    | { voted?: boolean; inFavour?: number; writtenInFavour?: number }
    | undefined;
  if (!r?.voted) return null;
  const inFavour = (r.inFavour ?? 0) + (r.writtenInFavour ?? 0);
  let text: string;
  let ok = false;
  try {
    const o = voteOutcome({
      entitled: electorate.entitled,
      present: electorate.present,
      inFavour: Math.min(inFavour, electorate.entitled),
    });
    text = electorate.committee ? o.reason.replaceAll('有表决权党员', '支委会委员') : o.reason;
    ok = o.valid && o.passed;
  } catch (e) {
    text = (e as Error).message;
  }
  return (
    <Alert type={ok ? 'success' : 'warning'} showIcon title={text} style={{ marginTop: 8 }} data-testid={`verdict-${name}`} />
  );
}

export function ResolutionFields({ canVote, electorate }: { canVote: boolean; electorate: Electorate }) {
  return (
    <Form.List name="resolutions">
      {(fields, { add, remove }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((field) => (
            <Card key={field.key} size="small" data-testid={`resolution-${field.name}`}>
              <div style={{ display: 'flex', gap: 8 }}>
                <Form.Item
                  name={[field.name, 'text']}
                  rules={[{ required: true, message: '请填写决议内容' }]}
                  style={{ flex: 1, marginBottom: 8 }}
                >
                  <Input.TextArea autoSize placeholder={m.resolutionText} aria-label={m.resolutionText} />
                </Form.Item>
                <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label="删除决议" />
              </div>
              {canVote && (
                <>
                  <Form.Item name={[field.name, 'voted']} valuePropName="checked" label={m.voted} style={{ marginBottom: 8 }}>
                    <Switch />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue(['resolutions', field.name, 'voted']) ? (
                        <>
                          <div style={{ color: 'rgba(0,0,0,0.45)', marginBottom: 8 }}>
                            {electorate.committee
                              ? m.committeeElectorate(electorate.entitled, electorate.present)
                              : m.voteElectorate(electorate.entitled, electorate.present)}
                          </div>
                          <Space wrap>
                            {(
                              [
                                'inFavour',
                                'against',
                                'abstain',
                                ...(electorate.committee ? [] : (['writtenInFavour'] as const)),
                              ] as const
                            ).map((k) => (
                              <Form.Item
                                key={k}
                                name={[field.name, k]}
                                label={m[k]}
                                style={{ marginBottom: 0 }}
                                tooltip={k === 'writtenInFavour' ? m.writtenHint : undefined}
                              >
                                <InputNumber min={0} max={10000} precision={0} style={{ width: 88 }} inputMode="numeric" />
                              </Form.Item>
                            ))}
                          </Space>
                          <Verdict name={field.name} electorate={electorate} />
                        </>
                      ) : null
                    }
                  </Form.Item>
                </>
              )}
            </Card>
          ))}
          <Button
            icon={<PlusOutlined />}
            onClick={() => add({ text: '', voted: false, inFavour: 0, against: 0, abstain: 0, writtenInFavour: 0 })}
            data-testid="add-resolution"
          >
            {m.addResolution}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
