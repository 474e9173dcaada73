import { RELAY_STATE_LABELS, type RelayState, SIGNATURE_STATE_LABELS, type SignatureState } from '@tongxin/contracts/labels';
import { Tag } from 'antd';

const SIGN_COLOR: Record<SignatureState, string> = { signed: 'green', outdated: 'orange', unsigned: 'default' };
const RELAY_COLOR: Record<RelayState, string> = { done: 'green', late: 'gold', open: 'blue', overdue: 'red' };

export const SignatureTag = ({ state }: { state: SignatureState }) => (
  <Tag color={SIGN_COLOR[state]}>{SIGNATURE_STATE_LABELS[state]}</Tag>
);
export const RelayTag = ({ state }: { state: RelayState }) => <Tag color={RELAY_COLOR[state]}>{RELAY_STATE_LABELS[state]}</Tag>;
