import { App, Form, type FormInstance, type FormProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyApiError, isVersionConflict } from '../api-form.js';
import { useConflictDialog } from '../conflict.js';

interface Versioned {
  id: string;
  version: number;
}

/** What the "discard unsaved changes?" question says; the common wording unless a form has its own. */
export interface DiscardTexts {
  title: string;
  body: string;
  ok: string;
  keep: string;
}

export interface RecordFormOptions<V, R extends Versioned> {
  /** The record being edited; without it the form creates one. It may arrive after the first render. */
  record: R | undefined;
  /** The form's values for a record (or for a new one). */
  toValues: (record: R | undefined) => V;
  /** Sends the values (with `record.version` when editing) and answers the saved record. */
  save: (values: V, record: R | undefined) => Promise<R>;
  /** Fetches the latest version after a 409, so the user can start again from it (P4). */
  reload?: (record: R) => Promise<R>;
  /** The toast after a save; "saved" / "created" unless the form says otherwise. */
  savedMessage?: (saved: R, editing: boolean) => string;
  discard?: DiscardTexts;
  onSaved?: (saved: R) => void;
  onClose: () => void;
}

export interface RecordForm<V, R> {
  form: FormInstance<V>;
  /** The version being edited: the record given, or the one reloaded after a conflict. */
  record: R | undefined;
  editing: boolean;
  saving: boolean;
  /** Spread on <Form>: the instance, vertical layout, initial values and the submit handler. */
  formProps: Pick<FormProps<V>, 'form' | 'layout' | 'initialValues' | 'onFinish' | 'scrollToFirstError'>;
  /** Spread on <FormDrawer> / <FormModal>: closing (asks before dropping edits) and saving. */
  shellProps: { onClose: () => void; onSave: () => void; saving: boolean };
  close: () => void;
}

/**
 * One create / edit form's behaviour: saving with the record's version, the toast, server field
 * messages put on their fields, the 409 conflict offering a reload, and a question before closing
 * over unsaved edits. The form itself only lays out its fields.
 */
export function useRecordForm<V, R extends Versioned>(options: RecordFormOptions<V, R>): RecordForm<V, R> {
  const { record, toValues, save, reload, savedMessage, discard, onSaved, onClose } = options;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const conflict = useConflictDialog();
  const [form] = Form.useForm<V>();
  // The first version seen is the one edited: a list refetched meanwhile must not move it silently.
  const [pinned, setPinned] = useState(record);
  if (!pinned && record) setPinned(record);
  const base = pinned ?? record;
  // Read by <Form> when it mounts (the record may load after this hook starts) and by resetFields.
  const initialValues = toValues(base);
  const [saving, setSaving] = useState(false);

  const reloadLatest = async (current: R) => {
    if (!reload) return;
    const fresh = await reload(current);
    setPinned(fresh);
    form.resetFields();
    form.setFieldsValue(toValues(fresh) as Parameters<typeof form.setFieldsValue>[0]);
  };

  const submit = async (values: V) => {
    setSaving(true);
    try {
      const saved = await save(values, base);
      message.success(savedMessage ? savedMessage(saved, !!base) : t(base ? 'saved' : 'created'));
      onSaved?.(saved);
      onClose();
    } catch (e) {
      if (isVersionConflict(e) && base && reload) {
        conflict(() => void reloadLatest(base));
        return;
      }
      const general = applyApiError(form, e);
      if (general) message.error(general);
      const firstError = form.getFieldsError().find((f) => f.errors.length > 0);
      if (firstError) form.scrollToField(firstError.name);
    } finally {
      setSaving(false);
    }
  };

  const close = () => {
    if (!form.isFieldsTouched() || saving) {
      onClose();
      return;
    }
    const texts = discard ?? {
      title: t('form.discardTitle'),
      body: t('form.discardBody'),
      ok: t('form.discardOk'),
      keep: t('form.keepEditing'),
    };
    modal.confirm({
      title: texts.title,
      content: texts.body,
      okText: texts.ok,
      cancelText: texts.keep,
      okButtonProps: { danger: true },
      onOk: onClose,
    });
  };

  return {
    form,
    record: base,
    editing: !!base,
    saving,
    formProps: {
      form,
      layout: 'vertical',
      initialValues: initialValues as FormProps<V>['initialValues'],
      onFinish: submit,
      scrollToFirstError: true,
    },
    shellProps: { onClose: close, onSave: () => form.submit(), saving },
    close,
  };
}
