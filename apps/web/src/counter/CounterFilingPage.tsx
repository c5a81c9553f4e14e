import {
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Select,
  Space,
  Typography,
  message as antdMessage,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { communeName, Procedure, useProcedures, useProvinceUnits, useUnitName } from '../reference/queries';
import { citizenIdProblem } from '../ui/citizen-id';
import { formatDate, formatDateTime, formatMoney, matchesWords } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { showFieldProblems } from '../ui/problems';
import { fingerprint, TakenDocument } from './documents';
import { Filing, useAppointmentQuote, useFileDossier } from './queries';
import { ScanPicker } from './ScanPicker';
import { COUNTER } from './strings';

interface FilingForm {
  procedureCode?: string;
  applicant: {
    name: string;
    citizenId: string;
    phone: string;
    email?: string;
    address: { line: string; communeCode: string };
  };
  missingReason?: string;
}

function procedureLabel(procedure: Procedure, language: string): string {
  return language === 'en' ? procedure.name.en : procedure.name.vi;
}

/** The desk files for any applicant of the province: procedure, checklist, applicant, then the appointment before saving. */
export function CounterFilingPage() {
  const { t, i18n } = useTranslation(COUNTER);
  // Its own holder: screens that confirm with a message carry it, the others do not download it.
  const [message, messageHolder] = antdMessage.useMessage();
  const navigate = useNavigate();
  const { principal } = useAuth();
  const [form] = Form.useForm<FilingForm>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [documents, setDocuments] = useState<Record<string, TakenDocument>>({});
  const procedures = useProcedures();
  const fileDossier = useFileDossier(idempotencyKey);
  const procedureCode = Form.useWatch('procedureCode', form);
  const procedure = procedures.data?.find((candidate) => candidate.code === procedureCode);
  const quote = useAppointmentQuote(procedure?.code, principal?.unitCode);
  const unitName = useUnitName(principal?.provinceCode);
  const missing = (procedure?.requiredDocuments ?? []).filter(
    (document) => document.required && !documents[document.type],
  );
  const language = i18n.language;

  const labels = useMemo(
    () => ({
      procedureCode: t('filing.procedure'),
      'applicant.name': t('filing.name'),
      'applicant.citizenId': t('filing.citizenId'),
      'applicant.phone': t('filing.phone'),
      'applicant.email': t('filing.email'),
      'applicant.address.line': t('filing.addressLine'),
      'applicant.address.communeCode': t('filing.commune'),
      'acceptIncomplete.reason': t('filing.missingReason'),
    }),
    [t],
  );

  async function submit(values: FilingForm) {
    if (!procedure || !principal?.unitCode) return;
    const filing: Filing = {
      procedureCode: procedure.code,
      receivingUnitCode: principal.unitCode,
      channel: 'counter',
      applicant: { ...values.applicant, email: values.applicant.email || undefined },
      documents: Object.values(documents),
      ...(missing.length ? { acceptIncomplete: { reason: values.missingReason ?? '' } } : {}),
    };
    try {
      const receipt = await fileDossier.mutateAsync(filing);
      void message.success(t('filing.received', { code: receipt.code }));
      void navigate(`/quay/bien-nhan/${encodeURIComponent(receipt.code)}`);
    } catch (error) {
      showFieldProblems(t, form, error, labels);
    }
  }

  const required = (field: string) => [
    { required: true, message: t('filing.required', { field: field.toLowerCase() }) },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {messageHolder}
      <h1 className="page-title">{t('filing.title')}</h1>
      <Form<FilingForm> form={form} layout="vertical" onFinish={submit} scrollToFirstError requiredMark="optional">
        <Row gutter={[24, 0]}>
          <Col xs={24} xl={14}>
            <Card title={t('filing.procedure')} size="small" style={{ marginBottom: 16 }}>
              <Form.Item name="procedureCode" label={t('filing.procedure')} rules={required(t('filing.procedure'))}>
                <Select
                  showSearch={{
                    filterOption: (typed, option) =>
                      matchesWords(`${option?.label ?? ''} ${option?.value ?? ''} ${option?.title ?? ''}`, typed),
                  }}
                  placeholder={t('filing.procedurePlaceholder')}
                  loading={procedures.isPending}
                  options={(procedures.data ?? []).map((candidate) => ({
                    value: candidate.code,
                    label: procedureLabel(candidate, language),
                    title: candidate.field.name.vi,
                  }))}
                  onChange={() => setDocuments({})}
                  autoFocus
                />
              </Form.Item>
              {procedure && <ProcedureFacts procedure={procedure} />}
            </Card>
            {procedure && (
              <Card title={t('filing.documents')} size="small" style={{ marginBottom: 16 }}>
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {procedure.requiredDocuments.map((document) => (
                    <Row key={document.type} gutter={8} align="middle" wrap>
                      <Col flex="auto">
                        <Typography.Text>{language === 'en' ? document.name.en : document.name.vi}</Typography.Text>{' '}
                        <Typography.Text type="secondary">
                          ({t(document.required ? 'filing.documentRequired' : 'filing.documentOptional')})
                        </Typography.Text>
                        {documents[document.type] && (
                          <div>{t('filing.scanned', { fileName: documents[document.type].fileName })}</div>
                        )}
                      </Col>
                      <Col>
                        <ScanPicker
                          text={t('filing.attachScan')}
                          label={`${t('filing.attachScan')}: ${language === 'en' ? document.name.en : document.name.vi}`}
                          onPick={(file) =>
                            void fingerprint(file, document.type).then((taken) =>
                              setDocuments((current) => ({ ...current, [document.type]: taken })),
                            )
                          }
                        />
                      </Col>
                    </Row>
                  ))}
                  {missing.length > 0 && (
                    <Form.Item
                      name="missingReason"
                      label={t('filing.missingReason')}
                      extra={t('filing.missingReasonHelp', {
                        documents: missing
                          .map((document) => (language === 'en' ? document.name.en : document.name.vi))
                          .join('; '),
                      })}
                      rules={required(t('filing.missingReason'))}
                    >
                      <Input.TextArea rows={2} maxLength={500} />
                    </Form.Item>
                  )}
                </Space>
              </Card>
            )}
          </Col>
          <Col xs={24} xl={10}>
            <ApplicantCard required={required} provinceCode={principal?.provinceCode} />
            <Card title={t('filing.summary')} size="small">
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('filing.receivingUnit')}>
                  {principal?.unitCode ? unitName(principal.unitCode, language) : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('filing.fee')}>
                  {procedure
                    ? procedure.fee.amountVnd
                      ? formatMoney(procedure.fee.amountVnd, language)
                      : t('filing.free')
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('filing.appointment')}>
                  {quote.data ? (
                    <strong>
                      {t('filing.appointmentAt', {
                        date: formatDate(quote.data.appointmentDate),
                        dueAt: formatDateTime(quote.data.dueAt),
                      })}
                    </strong>
                  ) : (
                    t('filing.appointmentUnknown')
                  )}
                </Descriptions.Item>
              </Descriptions>
              <ProblemAlert error={quote.error} />
              <ProblemAlert error={fileDossier.error} labels={labels} placed={Object.keys(labels)} />
              <Button
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={fileDossier.isPending}
                style={{ marginTop: 12 }}
              >
                {t('filing.submit')}
              </Button>
            </Card>
          </Col>
        </Row>
      </Form>
    </Space>
  );
}

function ProcedureFacts({ procedure }: { procedure: Procedure }) {
  const { t, i18n } = useTranslation(COUNTER);
  const time = procedure.processingTime;
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} size="small">
      <Descriptions.Item label={t('filing.processingTime')}>
        {t(time.unit === 'working-days' ? 'filing.workingDays' : 'filing.workingHours', { count: time.amount })}
      </Descriptions.Item>
      <Descriptions.Item label={t('filing.competent')}>
        {procedure.competentLevel.kind === 'commune'
          ? t('filing.competentCommune')
          : t('filing.competentDepartment', { department: procedure.competentLevel.department })}
      </Descriptions.Item>
      {procedure.fee.note && (
        <Descriptions.Item label={t('filing.fee')}>
          {i18n.language === 'en' ? procedure.fee.note.en : procedure.fee.note.vi}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function ApplicantCard({
  required,
  provinceCode,
}: {
  required: (field: string) => { required: boolean; message: string }[];
  provinceCode: string | null | undefined;
}) {
  const { t, i18n } = useTranslation(COUNTER);
  const units = useProvinceUnits(provinceCode);
  const citizenIdRule = {
    validator: async (_: unknown, value: string | undefined) => {
      const problem = value ? citizenIdProblem(value) : null;
      if (problem === 'format') throw new Error(t('filing.citizenIdFormat'));
      if (problem === 'province') throw new Error(t('filing.citizenIdProvince'));
      if (problem === 'birthYear') throw new Error(t('filing.citizenIdBirthYear'));
    },
  };
  return (
    <Card title={t('filing.applicant')} size="small" style={{ marginBottom: 16 }}>
      <Form.Item name={['applicant', 'name']} label={t('filing.name')} rules={required(t('filing.name'))}>
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['applicant', 'citizenId']}
            label={t('filing.citizenId')}
            rules={[...required(t('filing.citizenId')), citizenIdRule]}
            validateTrigger="onBlur"
          >
            <Input inputMode="numeric" autoComplete="off" maxLength={12} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name={['applicant', 'phone']}
            label={t('filing.phone')}
            rules={[...required(t('filing.phone')), { pattern: /^0\d{9}$/, message: t('filing.phoneFormat') }]}
            validateTrigger="onBlur"
          >
            <Input inputMode="tel" autoComplete="off" maxLength={10} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name={['applicant', 'email']}
        label={t('filing.email')}
        rules={[{ type: 'email', message: t('filing.emailFormat') }]}
        validateTrigger="onBlur"
      >
        <Input type="email" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name={['applicant', 'address', 'line']}
        label={t('filing.addressLine')}
        rules={required(t('filing.addressLine'))}
      >
        <Input autoComplete="off" maxLength={200} />
      </Form.Item>
      <Form.Item
        name={['applicant', 'address', 'communeCode']}
        label={t('filing.commune')}
        rules={required(t('filing.commune'))}
      >
        <Select
          showSearch={{
            filterOption: (typed, option) => matchesWords(`${option?.label ?? ''} ${option?.value ?? ''}`, typed),
          }}
          placeholder={t('filing.communePlaceholder')}
          loading={units.isPending}
          options={(units.data?.communes ?? []).map((commune) => ({
            value: commune.code,
            label: communeName(commune, i18n.language),
          }))}
        />
      </Form.Item>
    </Card>
  );
}
