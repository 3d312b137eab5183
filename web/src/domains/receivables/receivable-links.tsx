import { Typography } from 'antd';
import type { MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { useUserOptions } from '../../shared/owner-select.js';

export const stop = (e: MouseEvent) => e.stopPropagation();

/** The lists name the owner by id; the user options give the name (finance sees every user). */
export function useOwnerName() {
  const users = useUserOptions();
  const names = new Map((users.data?.items ?? []).map((u) => [u.id, u.displayName]));
  return (id: string) => names.get(id) ?? '—';
}

/** The contract's number (a link) over its title, so the money columns keep their room. */
export const contractLink = (id: string, number: string, title: string) => (
  <div style={{ minWidth: 0 }}>
    <Link to={`/contracts/${id}`} onClick={stop} style={{ fontWeight: 500, whiteSpace: 'nowrap' }}>
      {number}
    </Link>
    {title && (
      <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
        {title}
      </Typography.Text>
    )}
  </div>
);
