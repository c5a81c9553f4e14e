import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Space,
  Spin,
  Timeline,
  Typography,
  message as antdMessage,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { download } from '../api/clients';
import { ApiProblem } from '../api/problem';
import { useProcedureName, useUnitName } from '../reference/queries';
import { useAuth } from '../auth/AuthProvider';
import { formatDate, formatDateTime } from '../ui/format';
import { ProblemAlert } from '../ui/ProblemAlert';
import { Pill } from '../ui/Pill';
import { StatusTag } from '../ui/StatusTag';
import { HistoryEntry, useDossierAction, useDossierHistory, useWorkItem, WorkItem } from '../work-queue/queries';
import { PROCESSING } from '../work-queue/strings';
import { ActionDialog, ActionInput, ActionName } from './ActionDialog';
import { useDossierDeadline, useFiledDossier } from './queries';
import { workingTimeParts } from './working-time';

/** Statuses whose deadline still runs (received, processing, supplement, fees): a finished dossier has no time left to show. */
const OPEN_STATUSES: ReadonlySet<number> = new Set([2, 4, 5, 6]);

/** What the officer tried when the dossier turned out to have changed: the action, the input, and the version it was read at. */
interface StaleAttempt {
  action: ActionName;
  input: ActionInput;
  readVersion: number;
  readHistoryLength: number;
}

/** One dossier: the applicant, the procedure, the deadline, the timeline, and every action the workflow allows the officer now. */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation(PROCESSING);
  // Its own holder: screens that confirm with a message carry it, the others do not download it.
  const [message, messageHolder] = antdMessage.useMessage();
  const item = useWorkItem(id);
  const history = useDossierHistory(id);
  const act = useDossierAction(id);
  const deadline = useDossierDeadline(id);
  const filed = useFiledDossier(item.data?.code ?? '');
  const procedureName = useProcedureName();
  const { principal } = useAuth();
  const unitName = useUnitName(principal?.provinceCode);
  const [chosen, setChosen] = useState<ActionName | null>(null);
  const [stale, setStale] = useState<StaleAttempt | null>(null);

  if (item.isPending) return <Spin />;
  if (item.error)
    return (
      <Result
        status="warning"
        title={<ProblemAlert error={item.error} />}
        extra={<Link to="/ho-so">{t('dossier.back')}</Link>}
      />
    );
  const dossier = item.data;

  async function perform(action: ActionName, input: ActionInput, version: number) {
    const readHistoryLength = history.data?.length ?? 0;
    try {
      await act.mutateAsync({ action, version, ...input });
      setChosen(null);
      setStale(null);
      void message.success(t('dossier.done', { action: t(`dossier.action.${action}`) }));
    } catch (error) {
      setChosen(null);
      if (error instanceof ApiProblem && error.status === 409)
        setStale({ action, input, readVersion: version, readHistoryLength });
    }
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {messageHolder}
      <Link to="/ho-so">
        <ArrowLeftOutlined /> {t('dossier.back')}
      </Link>
      <Space wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('dossier.title', { code: dossier.code })}
        </Typography.Title>
        <StatusTag status={dossier.status} />
      </Space>
      {stale && (
        <StaleNotice
          dossier={dossier}
          history={history.data ?? []}
          attempt={stale}
          busy={act.isPending}
          onRetry={() => void perform(stale.action, stale.input, dossier.version)}
        />
      )}
      {act.error && !(act.error instanceof ApiProblem && act.error.status === 409) && (
        <ProblemAlert error={act.error} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card size="small" title={t('dossier.procedure')}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('dossier.procedure')}>
                {procedureName(dossier.procedure.code, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.unit')}>
                {unitName(dossier.unitCode, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.receivingUnit')}>
                {unitName(dossier.receivingUnitCode, i18n.language)}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.receivedAt')}>
                {formatDateTime(dossier.receivedAt)}
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.dueAt')}>
                <Space size={[8, 2]} wrap>
                  <span>{dossier.clockPaused ? t('dossier.paused') : formatDateTime(dossier.dueAt)}</span>
                  {deadline.data && OPEN_STATUSES.has(dossier.status) && (
                    <WorkingTimeLeft minutes={deadline.data.workingMinutesLeft} state={deadline.data.state} />
                  )}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('dossier.assignee')}>
                {dossier.assigneeId === principal?.subject
                  ? t('queue.assignedToMe')
                  : dossier.assigneeId
                    ? t('dossier.anotherOfficer')
                    : t('dossier.unassigned')}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={t('dossier.applicant')} style={{ marginTop: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              <Descriptions.Item label={t('dossier.applicant')}>{dossier.applicant.name}</Descriptions.Item>
              <Descriptions.Item label={t('dossier.phone')}>{dossier.applicant.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('dossier.email')}>{dossier.applicant.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('dossier.commune')}>
                {dossier.applicant.communeCode ? unitName(dossier.applicant.communeCode, i18n.language) : '—'}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          {filed.data && (
            <Card size="small" title={t('dossier.documents')} style={{ marginTop: 16 }}>
              <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                {filed.data.documents.map((document) => (
                  <li key={document.sha256}>
                    {document.fileName}{' '}
                    <span style={{ color: '#595959' }}>
                      ({Math.ceil(document.size / 1024)} KB, SHA-256 {document.sha256.slice(0, 12)}…)
                    </span>
                  </li>
                ))}
              </ol>
              {filed.data.missingDocuments.length > 0 && (
                <p
                  style={{ margin: '8px 0 0' }}
                >{`${t('dossier.missing')}: ${filed.data.missingDocuments.join('; ')}`}</p>
              )}
            </Card>
          )}
          <Card size="small" title={t('dossier.timeline')} style={{ marginTop: 16 }}>
            {history.error ? <ProblemAlert error={history.error} /> : <DossierTimeline entries={history.data ?? []} />}
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <SignedResult code={dossier.code} history={history.data ?? []} />
          <Card size="small" title={t('dossier.actions')}>
            {dossier.allowedActions.length === 0 ? (
              <Typography.Text type="secondary">{t('dossier.noActions')}</Typography.Text>
            ) : (
              <Space wrap>
                {dossier.allowedActions.map((action) => (
                  <Button
                    key={action}
                    type={action === 'approve' || action === 'accept' ? 'primary' : 'default'}
                    danger={action === 'reject' || action === 'stop'}
                    onClick={() => setChosen(action)}
                  >
                    {t(`dossier.action.${action}`)}
                  </Button>
                ))}
              </Space>
            )}
          </Card>
        </Col>
      </Row>
      <ActionDialog
        action={chosen}
        busy={act.isPending}
        onCancel={() => setChosen(null)}
        onConfirm={(input) => chosen && void perform(chosen, input, dossier.version)}
      />
    </Space>
  );
}

function DossierTimeline({ entries }: { entries: HistoryEntry[] }) {
  const { t, i18n } = useTranslation(PROCESSING);
  const { principal } = useAuth();
  const unitName = useUnitName(principal?.provinceCode);
  // A step the services took (routing, a signature) has no officer's roles: it was the system.
  const actorOf = (entry: HistoryEntry) =>
    entry.actorRoles.length === 0
      ? t('dossier.system')
      : entry.actorId === principal?.subject
        ? t('dossier.me')
        : entry.actorUnitCode
          ? `${t('dossier.officerOf', { unit: unitName(entry.actorUnitCode, i18n.language) })}`
          : entry.actorId;
  return (
    <Timeline
      items={entries.map((entry, index) => ({
        key: `${entry.at}-${index}`,
        color:
          entry.action === 'signature-failed' || entry.action === 'reject'
            ? 'red'
            : entry.toStatus === 9 || entry.toStatus === 10
              ? 'green'
              : 'blue',
        content: (
          <div>
            <Typography.Text strong>
              {t(`dossier.action.${entry.action}`, { defaultValue: entry.action })}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">{formatDateTime(entry.at)}</Typography.Text>
            <div>
              {t(`dossier.state.${entry.toState}`, { defaultValue: entry.toState })} ·{' '}
              {t('dossier.by', { actor: actorOf(entry) })}
            </div>
            {entry.reason && <Typography.Paragraph style={{ margin: 0 }}>{entry.reason}</Typography.Paragraph>}
          </div>
        ),
      }))}
    />
  );
}

/** A 409: what happened since the officer read the dossier, and whether the action can be done again on the new version. */
function StaleNotice({
  dossier,
  history,
  attempt,
  busy,
  onRetry,
}: {
  dossier: WorkItem;
  history: HistoryEntry[];
  attempt: StaleAttempt;
  busy: boolean;
  onRetry: () => void;
}) {
  const { t } = useTranslation(PROCESSING);
  const newer = history.slice(attempt.readHistoryLength);
  const stillAllowed = dossier.allowedActions.includes(attempt.action) && dossier.version !== attempt.readVersion;
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      title={t('dossier.staleTitle')}
      description={
        <>
          <div>
            {t('dossier.staleText', { state: t(`dossier.state.${dossier.state}`, { defaultValue: dossier.state }) })}
          </div>
          <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
            {newer.map((entry, index) => (
              <li key={`${entry.at}-${index}`}>
                {formatDate(entry.at)} {formatDateTime(entry.at).slice(11)} —{' '}
                {t(`dossier.action.${entry.action}`, { defaultValue: entry.action })}
                {entry.reason ? `: ${entry.reason}` : ''}
              </li>
            ))}
          </ul>
          {!stillAllowed && <div>{t('dossier.staleNotAllowed')}</div>}
        </>
      }
      action={
        stillAllowed ? (
          <Button size="small" type="primary" loading={busy} onClick={onRetry}>
            {t('dossier.staleRetry')}
          </Button>
        ) : undefined
      }
    />
  );
}

/** The signed result, once the history has it: downloaded with the officer's token, saved under the dossier's code. */
function SignedResult({ code, history }: { code: string; history: HistoryEntry[] }) {
  const { t } = useTranslation(PROCESSING);
  const [error, setError] = useState<unknown>(null);
  const signed = history.findLast((entry) => entry.action === 'result-signed');
  const documentId = typeof signed?.details?.['documentId'] === 'string' ? signed.details['documentId'] : null;
  if (!documentId) return null;
  async function save() {
    try {
      const pdf = await download('digital-signature', `/api/v1/documents/${documentId}`);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(pdf);
      link.download = `${code}.pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }
  return (
    <Card size="small" title={t('dossier.result')} style={{ marginBottom: 16 }}>
      <Button type="primary" icon={<DownloadOutlined />} onClick={() => void save()}>
        {t('dossier.downloadResult')}
      </Button>
      <ProblemAlert error={error} />
    </Card>
  );
}

/** "Còn 1 ngày 3 giờ làm việc" or "Quá hạn 2 giờ làm việc", from task-monitoring's working-time clock. */
function WorkingTimeLeft({ minutes, state }: { minutes: number | null; state: string }) {
  const { t } = useTranslation(PROCESSING);
  if (minutes === null || state === 'closed') return null;
  const parts = workingTimeParts(minutes);
  const time = [
    parts.days && t('dossier.days', { count: parts.days }),
    parts.hours && t('dossier.hours', { count: parts.hours }),
    parts.minutes && t('dossier.minutes', { count: parts.minutes }),
  ]
    .filter(Boolean)
    .join(' ');
  const text =
    minutes < 0
      ? t('dossier.workingOverdue', { time })
      : t('dossier.workingLeft', { time: time || t('dossier.minutes', { count: 0 }) });
  return state === 'overdue' || minutes < 0 ? (
    <Pill tone="red">{text}</Pill>
  ) : state === 'due-soon' ? (
    <Pill tone="orange">{text}</Pill>
  ) : (
    <span>{text}</span>
  );
}
