import { Mentions, type MentionsProps } from 'antd';
import type { MentionsRef } from 'antd/es/mentions';
import { forwardRef } from 'react';
import { useUserOptions } from './owner-select.js';

/**
 * A text area where "@" offers the active colleagues; choosing one writes "@显示名 ", which the
 * server's mention parser (contracts/mentions.ts) recognises and notifies.
 */
export const MentionInput = forwardRef<MentionsRef, Omit<MentionsProps, 'options' | 'prefix'>>(function MentionInput(props, ref) {
  const { data } = useUserOptions();
  return (
    <Mentions
      ref={ref}
      prefix="@"
      filterOption={(input, option) =>
        String(option?.value ?? '')
          .toLowerCase()
          .includes(input.toLowerCase())
      }
      options={(data?.items ?? []).map((u) => ({
        key: u.id,
        value: u.displayName,
        label: u.departmentName ? `${u.displayName}（${u.departmentName}）` : u.displayName,
      }))}
      {...props}
    />
  );
});

/** Focuses the text area with the caret after the text (the form opens on it). */
export function focusAtEnd(ref: MentionsRef | null) {
  const el = ref?.nativeElement?.querySelector('textarea');
  if (!el) return;
  el.focus();
  el.setSelectionRange(el.value.length, el.value.length);
}
