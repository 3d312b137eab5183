import { Button, Drawer, Grid, Modal, type ModalProps, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ShellProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSave: () => void;
  saving: boolean;
  /** The save button's data-testid (the e2e stories press it). */
  saveTestId: string;
  /** Beside the buttons, on the left: a delete button, a keyboard hint. */
  footerStart?: ReactNode;
  /** False hides cancel and save (a read-only view). */
  footer?: boolean;
  children: ReactNode;
}

/** Cancel and save at the bottom right of every form. */
export function FormFooter({
  onClose,
  onSave,
  saving,
  saveTestId,
  start,
}: Pick<ShellProps, 'onClose' | 'onSave' | 'saving' | 'saveTestId'> & { start?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
      <div>{start}</div>
      <Space>
        <Button onClick={onClose}>{t('actions.cancel')}</Button>
        <Button type="primary" loading={saving} onClick={onSave} data-testid={saveTestId}>
          {t('actions.save')}
        </Button>
      </Space>
    </div>
  );
}

/** A form in a side drawer (records with many fields); full width on a phone. */
export function FormDrawer({ width = 720, footer = true, footerStart, children, ...p }: ShellProps & { width?: number }) {
  const screens = Grid.useBreakpoint();
  return (
    <Drawer
      open={p.open}
      onClose={p.onClose}
      title={p.title}
      size={screens.md ? width : '100%'}
      destroyOnHidden
      footer={footer ? <FormFooter {...p} start={footerStart} /> : undefined}
    >
      {children}
    </Drawer>
  );
}

/** A short form in a modal (a contact, a follow-up, a visit plan). */
export function FormModal({
  width = 600,
  footerStart,
  afterOpenChange,
  children,
  ...p
}: ShellProps & { width?: number; afterOpenChange?: ModalProps['afterOpenChange'] }) {
  return (
    <Modal
      open={p.open}
      onCancel={p.onClose}
      title={p.title}
      width={width}
      destroyOnHidden
      afterOpenChange={afterOpenChange}
      footer={<FormFooter {...p} start={footerStart} />}
    >
      {children}
    </Modal>
  );
}
