import {
  SERVICE_CATEGORIES,
  SERVICE_CATEGORY_GROUP,
  SERVICE_CATEGORY_LABELS,
  SERVICE_GROUP_LABELS,
  SERVICE_GROUPS,
  type ServiceCategory,
} from '@tongxin/contracts/labels';
import { Select, type SelectProps } from 'antd';

/** The categories grouped as the committee reads them: 党建问题 / 发展问题. */
export const categoryOptions = SERVICE_GROUPS.map((g) => ({
  label: SERVICE_GROUP_LABELS[g],
  title: SERVICE_GROUP_LABELS[g],
  options: SERVICE_CATEGORIES.filter((c) => SERVICE_CATEGORY_GROUP[c] === g).map((c) => ({
    value: c,
    label: SERVICE_CATEGORY_LABELS[c],
  })),
}));

export function CategorySelect(props: SelectProps<ServiceCategory>) {
  return <Select<ServiceCategory> options={categoryOptions} {...props} />;
}
