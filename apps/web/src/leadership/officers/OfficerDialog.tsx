import { Button, Checkbox, Form, Input, Modal, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { placeFieldProblems } from '../../ui/problems';
import { LEADERSHIP } from '../strings';
import { RegisteredOfficer, UNIT_ROLES, UnitRole, useSaveOfficer } from './queries';

interface OfficerForm {
  subject?: string;
  roles: UnitRole[];
  active: boolean;
}

/** One officer's roles within the unit and whether he takes new dossiers; for a new one, his account's identifier too. */
export function OfficerDialog({
  unitCode,
  officer,
  onClose,
  onSaved,
}: {
  unitCode: string;
  officer: RegisteredOfficer | null;
  onClose: () => void;
  onSaved: (saved: RegisteredOfficer) => void;
}) {
  const { t } = useTranslation(LEADERSHIP);
  const [form] = Form.useForm<OfficerForm>();
  const save = useSaveOfficer(unitCode);
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const labels = { subject: t('officers.subject'), roles: t('officers.roles'), active: t('officers.active') };

  async function submit() {
    // The form shows what is missing next to each field; nothing is sent.
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setUnplaced(null);
    const subject = officer?.subject ?? values.subject!.trim();
    try {
      onSaved(await save.mutateAsync({ subject, officer: { roles: values.roles, active: values.active } }));
    } catch (error) {
      setUnplaced(placeFieldProblems(form, error, labels));
    }
  }

  return (
    <Modal
      open
      title={
        officer ? t('officers.editTitle', { subject: officer.subject }) : t('officers.addTitle', { unit: unitCode })
      }
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('actions.cancel', { ns: 'common' })}
        </Button>,
        <Button key="save" type="primary" loading={save.isPending} onClick={() => void submit()}>
          {t('actions.save', { ns: 'common' })}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ roles: officer?.roles ?? ['specialist'], active: officer?.active ?? true }}
      >
        {!officer && (
          <Form.Item
            name="subject"
            label={labels.subject}
            extra={t('officers.subjectHint')}
            rules={[{ required: true, whitespace: true, message: t('officers.subjectRequired') }]}
          >
            <Input maxLength={200} autoComplete="off" autoFocus />
          </Form.Item>
        )}
        <Form.Item
          name="roles"
          label={<span id="officer-roles-label">{labels.roles}</span>}
          rules={[{ required: true, type: 'array', min: 1, message: t('officers.rolesRequired') }]}
        >
          <Checkbox.Group
            role="group"
            aria-labelledby="officer-roles-label"
            options={UNIT_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`, { ns: 'common' }) }))}
          />
        </Form.Item>
        <Form.Item name="active" label={labels.active} valuePropName="checked" extra={t('officers.activeHint')}>
          <Switch checkedChildren={t('officers.yes')} unCheckedChildren={t('officers.no')} />
        </Form.Item>
      </Form>
      <ProblemAlert error={unplaced} labels={labels} placed={['roles', 'active']} />
    </Modal>
  );
}
