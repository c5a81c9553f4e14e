import { Form, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { ProblemAlert } from '../ui/ProblemAlert';
import { DossierAction, useDossierAction, WorkItem } from '../work-queue/queries';
import { RECEPTION } from './strings';

export type HandoverAction = Extract<DossierAction['action'], 'supplement-received' | 'return-result'>;
type ResultChannel = NonNullable<DossierAction['resultChannel']>;

const CHANNELS: readonly ResultChannel[] = ['counter', 'post', 'electronic'];

/**
 * Taking in a supplement or handing over a result, at the version of the dossier the officer read
 * when pressing the button: if the dossier changed since, the service refuses (409) and the list is read again.
 */
export function HandoverDialog({
  item,
  action,
  context,
  onClose,
  onDone,
  onChanged,
}: {
  item: WorkItem;
  action: HandoverAction;
  context?: React.ReactNode;
  onClose: () => void;
  onDone: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation(RECEPTION);
  const [form] = Form.useForm<{ resultChannel: ResultChannel }>();
  const act = useDossierAction(item.id);
  const returning = action === 'return-result';

  async function submit({ resultChannel }: { resultChannel?: ResultChannel }) {
    try {
      await act.mutateAsync({
        action,
        version: item.version,
        ...(returning ? { resultChannel: resultChannel ?? 'counter' } : {}),
      });
      onDone();
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 409) onChanged();
    }
  }

  return (
    <Modal
      open
      title={t(returning ? 'handover.returnTitle' : 'handover.supplementTitle', { code: item.code })}
      okText={t(returning ? 'handover.returnResult' : 'handover.supplementReceived')}
      cancelText={t('actions.cancel', { ns: 'common' })}
      confirmLoading={act.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {context}
      {!returning && <Typography.Paragraph>{t('handover.supplementText')}</Typography.Paragraph>}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ resultChannel: 'counter' }}
        onFinish={(values) => void submit(values)}
        preserve={false}
      >
        {returning && (
          <Form.Item name="resultChannel" label={t('handover.channel')}>
            <Radio.Group
              aria-label={t('handover.channel')}
              options={CHANNELS.map((value) => ({ value, label: t(`handover.channels.${value}`) }))}
            />
          </Form.Item>
        )}
      </Form>
      <ProblemAlert error={act.error instanceof ApiProblem && act.error.status === 409 ? null : act.error} />
    </Modal>
  );
}
