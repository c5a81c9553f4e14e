import { PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Popconfirm, Space, Spin, message as antdMessage } from 'antd';
import { Pill } from '../../ui/Pill';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/AuthProvider';
import { useUnitName } from '../../reference/queries';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { Labelled } from '../../ui/Labelled';
import { LEADERSHIP } from '../strings';
import '../leadership.css';
import { OfficerDialog } from './OfficerDialog';
import { RegisteredOfficer, useSaveOfficer, useUnitOfficers } from './queries';

/** A unit code as the services write them: a commune's five digits, or a department's code such as 46.STP. */
const UNIT_CODE = /^[0-9A-Z.]{2,20}$/;

/**
 * The officers registered with a unit, among whom new dossiers are shared out: their roles within
 * the unit and whether they are active. A unit leader sees his own unit; the province
 * administrator names any unit of the province.
 */
export function OfficersPage() {
  const { t, i18n } = useTranslation(LEADERSHIP);
  const { principal } = useAuth();
  const unitName = useUnitName(principal?.provinceCode);
  const provinceAdmin = Boolean(principal?.roles.includes('province-admin'));
  const [chosenUnit, setChosenUnit] = useState<string | null>(principal?.unitCode ?? null);
  const [typedInvalid, setTypedInvalid] = useState(false);
  const unitCode = provinceAdmin ? chosenUnit : (principal?.unitCode ?? null);
  const officers = useUnitOfficers(unitCode);

  function chooseUnit(typed: string) {
    const code = typed.trim().toUpperCase();
    setTypedInvalid(code !== '' && !UNIT_CODE.test(code));
    if (code === '' || UNIT_CODE.test(code)) setChosenUnit(code || null);
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <h1 className="page-title">{t('officers.title')}</h1>
      {provinceAdmin ? (
        <Labelled label={t('officers.unit')} htmlFor="officers-unit">
          <Input.Search
            id="officers-unit"
            defaultValue={chosenUnit ?? ''}
            placeholder={t('officers.unitPlaceholder')}
            enterButton={t('officers.show')}
            onSearch={chooseUnit}
            status={typedInvalid ? 'error' : undefined}
            aria-invalid={typedInvalid}
            aria-describedby={typedInvalid ? 'officers-unit-error' : undefined}
            style={{ maxWidth: 360 }}
          />
          {typedInvalid && (
            <span id="officers-unit-error" role="alert" style={{ color: '#cf1322' }}>
              {t('officers.unitInvalid')}
            </span>
          )}
        </Labelled>
      ) : (
        <p style={{ margin: 0 }}>
          {t('officers.ofUnit', { unit: unitCode ? unitName(unitCode, i18n.language) : '—' })}
        </p>
      )}
      {!unitCode ? (
        <Empty description={provinceAdmin ? t('officers.pickUnit') : t('officers.noUnit')} />
      ) : (
        <UnitOfficers
          key={unitCode}
          unitCode={unitCode}
          officers={officers.data}
          loading={officers.isPending}
          fetching={officers.isFetching}
          error={officers.error}
        />
      )}
    </Space>
  );
}

function UnitOfficers({
  unitCode,
  officers,
  loading,
  fetching,
  error,
}: {
  unitCode: string;
  officers: RegisteredOfficer[] | undefined;
  loading: boolean;
  fetching: boolean;
  error: unknown;
}) {
  const { t } = useTranslation(LEADERSHIP);
  const { principal } = useAuth();
  const [message, messageHolder] = antdMessage.useMessage();
  const toggle = useSaveOfficer(unitCode);
  const [editing, setEditing] = useState<RegisteredOfficer | 'new' | null>(null);

  function saved(officer: RegisteredOfficer) {
    setEditing(null);
    void message.success(t('officers.saved', { subject: officer.subject }));
  }

  async function setActive(officer: RegisteredOfficer, active: boolean) {
    try {
      await toggle.mutateAsync({ subject: officer.subject, officer: { roles: officer.roles, active } });
      void message.success(t(active ? 'officers.reactivated' : 'officers.deactivated', { subject: officer.subject }));
    } catch {
      // Shown by the alert above the table.
    }
  }

  return (
    <section aria-labelledby="unit-officers" aria-busy={fetching}>
      {messageHolder}
      <Flex wrap gap={8} justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <h2 id="unit-officers" className="section-title" style={{ margin: 0 }}>
          {t('officers.listTitle', { unit: unitCode })}
        </h2>
        <Button icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>
          {t('officers.add')}
        </Button>
      </Flex>
      <ProblemAlert error={error} />
      <ProblemAlert error={toggle.error} />
      {loading ? (
        <Spin />
      ) : !officers || officers.length === 0 ? (
        !error && <Empty description={t('officers.empty')} />
      ) : (
        <table className="queue-table">
          <caption>{t('officers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('officers.subject')}</th>
              <th scope="col">{t('officers.roles')}</th>
              <th scope="col">{t('officers.status')}</th>
              <th scope="col">{t('officers.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {officers.map((officer) => (
              <tr key={officer.subject}>
                <td data-label={t('officers.subject')}>
                  <span style={{ wordBreak: 'break-all' }}>{officer.subject}</span>
                  {officer.subject === principal?.subject && <> ({t('officers.you')})</>}
                </td>
                <td data-label={t('officers.roles')}>
                  <Space size={4} wrap>
                    {officer.roles.map((role) => (
                      <Pill key={role} tone="grey">
                        {t(`roles.${role}`, { ns: 'common' })}
                      </Pill>
                    ))}
                  </Space>
                </td>
                <td data-label={t('officers.status')}>
                  <Pill tone={officer.active ? 'green' : 'grey'}>
                    {officer.active ? t('officers.isActive') : t('officers.isInactive')}
                  </Pill>
                </td>
                <td data-label={t('officers.actions')}>
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      onClick={() => setEditing(officer)}
                      aria-label={t('officers.editLabel', { subject: officer.subject })}
                    >
                      {t('officers.edit')}
                    </Button>
                    <Popconfirm
                      title={t(officer.active ? 'officers.deactivateConfirm' : 'officers.reactivateConfirm', {
                        subject: officer.subject,
                      })}
                      okText={t(officer.active ? 'officers.deactivate' : 'officers.reactivate')}
                      cancelText={t('actions.cancel', { ns: 'common' })}
                      onConfirm={() => setActive(officer, !officer.active)}
                    >
                      <Button
                        size="small"
                        danger={officer.active}
                        loading={toggle.isPending && toggle.variables?.subject === officer.subject}
                        aria-label={t(officer.active ? 'officers.deactivateLabel' : 'officers.reactivateLabel', {
                          subject: officer.subject,
                        })}
                      >
                        {t(officer.active ? 'officers.deactivate' : 'officers.reactivate')}
                      </Button>
                    </Popconfirm>
                  </Space>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <OfficerDialog
          unitCode={unitCode}
          officer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={saved}
        />
      )}
    </section>
  );
}
