import { Button, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from './AuthProvider';

/** The session ended (renewal failed or the token expired): the screen stays as it was under the notice, and one click signs in again. */
export function SessionExpiredNotice() {
  const { t } = useTranslation();
  const { state, signIn } = useAuth();
  return (
    <Modal
      open={state === 'expired'}
      closable={false}
      maskClosable={false}
      keyboard={false}
      title={t('session.expiredTitle')}
      footer={
        <Button type="primary" onClick={() => void signIn()}>
          {t('session.signInAgain')}
        </Button>
      }
    >
      <p>{t('session.expiredText')}</p>
    </Modal>
  );
}
