import { App, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVersionConflict } from '../../shared/api-form.js';
import { useConflictDialog } from '../../shared/conflict.js';
import { type Task, type TaskStatus, useSetTaskStatus } from './api.js';

/**
 * Ticking a task off (or on again) from a list: done at once with an undo in the message; a task
 * someone else changed meanwhile asks to reload instead.
 */
export function useTaskDone(reload: () => void) {
  const { t } = useTranslation('tasks');
  const { message } = App.useApp();
  const conflict = useConflictDialog();
  const setStatus = useSetTaskStatus();
  const [pendingId, setPendingId] = useState<string>();

  const undo = (key: string, saved: Task, previous: TaskStatus) => {
    message.destroy(key);
    setStatus.mutate({ task: saved, status: previous }, { onError: (e) => message.error(e instanceof Error ? e.message : String(e)) });
  };

  const toggle = async (task: Task) => {
    const next: TaskStatus = task.status === 'done' ? 'open' : 'done';
    setPendingId(task.id);
    try {
      const saved = await setStatus.mutateAsync({ task, status: next });
      if (next === 'done') {
        const key = `task-done-${task.id}`;
        message.success({
          key,
          content: (
            <span>
              {t('list.completed', { title: task.title })}{' '}
              <Typography.Link onClick={() => undo(key, saved, task.status)}>{t('list.undo')}</Typography.Link>
            </span>
          ),
        });
      } else {
        message.success(t('list.reopened', { title: task.title }));
      }
    } catch (e) {
      if (isVersionConflict(e)) conflict(reload);
      else message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setPendingId(undefined);
    }
  };

  return { toggle, pendingId };
}
