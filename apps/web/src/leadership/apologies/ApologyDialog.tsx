import { Button, DatePicker, Descriptions, Form, Input, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../ui/format';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { placeFieldProblems } from '../../ui/problems';
import { LEADERSHIP } from '../strings';
import { appointmentBounds, isOutsideBounds } from './appointment-date';
import { useSendApology } from './queries';

/** The dossier the apology is for, as the lists show it. */
export interface ApologyTarget {
  dossierId: string;
  code: string;
  dueAt: string;
}

/** The service's limits on the reason the applicant reads. */
const REASON_MIN = 10;
const REASON_MAX = 2000;

interface ApologyForm {
  newAppointmentDate?: Dayjs;
  reason?: string;
}

/** The leader's apology for a late dossier: the new appointment date and why, as the applicant will read it. */
export function ApologyDialog({
  target,
  onClose,
  onSent,
}: {
  target: ApologyTarget;
  onClose: () => void;
  onSent: (newAppointmentDate: string) => void;
}) {
  const { t } = useTranslation(LEADERSHIP);
  const [form] = Form.useForm<ApologyForm>();
  const send = useSendApology(target.dossierId);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const bounds = appointmentBounds(target.dueAt);
  const labels = { newAppointmentDate: t('apology.newDate'), reason: t('apology.reason') };

  async function submit() {
    // The form shows what is missing next to each field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setUnplaced(null);
    const newAppointmentDate = values.newAppointmentDate!.format('YYYY-MM-DD');
    try {
      await send.mutateAsync({ newAppointmentDate, reason: values.reason!.trim() });
      onSent(newAppointmentDate);
    } catch (error) {
      setUnplaced(placeFieldProblems(form, error, labels));
    }
  }

  return (
    <Modal
      open
      title={t('apology.title', { code: target.code })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>,
        <Button key="send" type="primary" loading={send.isPending} onClick={() => void submit()}>
          {t('apology.send')}
        </Button>,
      ]}
    >
      <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('apology.currentDue')}>{formatDateTime(target.dueAt)}</Descriptions.Item>
      </Descriptions>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="newAppointmentDate"
          label={labels.newAppointmentDate}
          extra={t('apology.newDateHint', {
            after: formatDate(bounds.after.format('YYYY-MM-DD')),
            latest: formatDate(bounds.latest.format('YYYY-MM-DD')),
          })}
          rules={[{ required: true, message: t('apology.newDateRequired') }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            placeholder="dd/mm/yyyy"
            disabledDate={(day) => isOutsideBounds(day, bounds)}
            style={{ width: '100%', maxWidth: 240 }}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={labels.reason}
          extra={t('apology.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('apology.reasonRequired') },
            { min: REASON_MIN, message: t('apology.reasonTooShort', { min: REASON_MIN }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
      <ProblemAlert error={unplaced} labels={labels} placed={['newAppointmentDate', 'reason']} />
    </Modal>
  );
}
