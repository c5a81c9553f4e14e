import { ReactNode } from 'react';

/**
 * A full page that says one thing (sign in, not allowed, not found, the provider is down) in
 * plain markup: these pages load before Ant Design, or stand in when it is not there.
 */
export function Notice({
  title,
  children,
  action,
  tone = 'info',
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  tone?: 'info' | 'warning' | 'error';
}) {
  return (
    <div className={`notice notice-${tone}`}>
      <div className="notice-card">
        <h1>{title}</h1>
        {children}
        {action && <div className="notice-action">{action}</div>}
      </div>
    </div>
  );
}
