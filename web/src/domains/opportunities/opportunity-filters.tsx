import { Checkbox, Col, DatePicker, Select } from 'antd';
import { monthFromPicker, monthToPicker } from '../../shared/dates.js';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../app/api-client.js';
import { useAuth } from '../../app/auth.js';
import { FilterBar, MultiFilter } from '../../shared/filter-bar.js';
import { type useListParams, useSearchText } from '../../shared/list-state.js';
import { OwnerSelect } from '../../shared/owner-select.js';
import { usePicklist } from '../../shared/use-picklist.js';
import { DepartmentSelect } from '../organisation/public.js';
import { usePipelines } from './api.js';

/** The filters the board and the list share; they live in the URL, so switching views keeps them. */
export const OPPORTUNITY_FILTERS = ['q', 'pipelineId', 'ownerId', 'departmentId', 'source', 'closeMonth', 'stalled'];

export function opportunityQuery(lp: ReturnType<typeof useListParams>): Query {
  const source = lp.list('source');
  return {
    q: lp.text('q'),
    pipelineId: lp.text('pipelineId'),
    ownerId: lp.text('ownerId'),
    departmentId: lp.text('departmentId'),
    source: source.length ? source : undefined,
    closeMonth: lp.text('closeMonth'),
    stalled: lp.text('stalled'),
  };
}

export function OpportunityFilterBar({ lp, showPipeline = true }: { lp: ReturnType<typeof useListParams>; showPipeline?: boolean }) {
  const { t } = useTranslation('opportunities');
  const { me } = useAuth();
  const pipelines = usePipelines();
  const source = usePicklist('opportunity_source');
  const { update } = lp;
  const commitSearch = useCallback((value: string | undefined) => update({ q: value }), [update]);
  const search = useSearchText(lp.text('q'), commitSearch);
  const filtered = OPPORTUNITY_FILTERS.some((k) => k !== 'pipelineId' && lp.params.has(k));
  const active = OPPORTUNITY_FILTERS.filter((k) => k !== 'q' && lp.params.has(k)).length;
  const col = { xs: 24, sm: 12, md: 8, xl: 3 };
  const month = lp.text('closeMonth');
  return (
    <FilterBar
      search={search}
      searchPlaceholder={t('list.search')}
      searchTestId="opportunity-search"
      searchCol={{ xs: 24, md: 16, xl: 5 }}
      activeFilters={active}
      onClear={filtered ? () => lp.clear(OPPORTUNITY_FILTERS.filter((k) => k !== 'pipelineId')) : undefined}
    >
      {showPipeline && (
        <Col {...col}>
          <Select
            placeholder={t('board.pipeline')}
            value={lp.text('pipelineId') ?? pipelines.data?.items.find((p) => p.isDefault)?.id}
            onChange={(v) => update({ pipelineId: v })}
            options={(pipelines.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
            style={{ width: '100%' }}
            data-testid="opportunity-pipeline"
          />
        </Col>
      )}
      {me?.scope !== 'own' && (
        <>
          <Col {...col}>
            <DepartmentSelect
              placeholder={t('board.department')}
              value={lp.text('departmentId')}
              onChange={(v) => update({ departmentId: v })}
              style={{ width: '100%' }}
            />
          </Col>
          <Col {...col}>
            <OwnerSelect
              placeholder={t('fields.owner')}
              value={lp.text('ownerId')}
              onChange={(v) => update({ ownerId: v })}
              style={{ width: '100%' }}
            />
          </Col>
        </>
      )}
      <Col {...col}>
        <MultiFilter
          placeholder={t('fields.source')}
          value={lp.list('source')}
          onChange={(v) => update({ source: v })}
          options={source.options}
        />
      </Col>
      <Col {...col}>
        <DatePicker
          picker="month"
          placeholder={t('board.closeMonth')}
          value={monthToPicker(month)}
          onChange={(d) => update({ closeMonth: monthFromPicker(d) ?? undefined })}
          style={{ width: '100%' }}
        />
      </Col>
      <Col {...col} style={{ display: 'flex', alignItems: 'center' }}>
        <Checkbox checked={lp.text('stalled') === 'true'} onChange={(e) => update({ stalled: e.target.checked ? 'true' : undefined })}>
          {t('board.stalledOnly')}
        </Checkbox>
      </Col>
    </FilterBar>
  );
}
