import { Flex } from 'antd';
import type { ReactNode } from 'react';

/** A filter's visible label above its control. */
export function Labelled({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <Flex vertical gap={4}>
      <label htmlFor={htmlFor}>{label}</label>
      {children}
    </Flex>
  );
}
