import { Col } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.js';
import type { useListParams } from '../../shared/list-state.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { DepartmentSelect } from './department-select.js';

type ListParams = ReturnType<typeof useListParams>;

/**
 * 部门 + 负责人 filters of the team reports, kept in the URL as `dept` / `owner`. Lives here, not in
 * web/src/shared, because the department picker is this domain's. A rep sees only his own rows, so
 * nothing is shown to the 'own' scope. Labels come from the report's namespace (`filters.*`).
 */
export function TeamFilterCols({ lp, ns, departmentXl = 5 }: { lp: ListParams; ns: string; departmentXl?: number }) {
  const { t } = useTranslation(ns);
  const { me } = useAuth();
  if (me?.scope === 'own') return null;
  return (
    <>
      <Col xs={24} sm={12} md={8} xl={departmentXl}>
        <DepartmentSelect
          placeholder={t('filters.allDepartments')}
          value={lp.text('dept')}
          onChange={(v) => lp.update({ dept: v })}
          style={{ width: '100%' }}
          aria-label={t('filters.department')}
        />
      </Col>
      <Col xs={24} sm={12} md={8} xl={4}>
        <OwnerSelect
          placeholder={t('filters.allOwners')}
          value={lp.text('owner')}
          onChange={(v) => lp.update({ owner: v })}
          style={{ width: '100%' }}
          aria-label={t('filters.owner')}
        />
      </Col>
    </>
  );
}
