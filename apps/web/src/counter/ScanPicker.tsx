import { InboxOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useRef } from 'react';

/**
 * One button that opens the file dialog for a document's scan: one tab stop, Enter or Space opens
 * it (Ant Design's Upload adds a second focusable wrapper around its button).
 */
export function ScanPicker({ text, label, onPick }: { text: string; label: string; onPick: (file: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        // Never shown (the button stands for it): `hidden` alone loses to the base styles' display rule.
        hidden
        style={{ display: 'none' }}
        tabIndex={-1}
        aria-label={label}
        accept="application/pdf,image/*"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) onPick(file);
          event.target.value = '';
        }}
      />
      <Button icon={<InboxOutlined />} aria-label={label} onClick={() => input.current?.click()}>
        {text}
      </Button>
    </>
  );
}
