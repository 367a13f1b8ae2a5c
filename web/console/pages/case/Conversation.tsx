import { LockOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Input, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';

/** Messages with the buyer (they see these) and internal notes (they never do). */
export function Conversation({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const publicMessages = c.messages.filter((m) => m.visibility === 'public');
  const notes = c.messages.filter((m) => m.visibility === 'internal');
  return (
    <Card className="conversation" styles={{ body: { paddingTop: 0 } }}>
      <Tabs
        items={[
          {
            key: 'messages',
            label: t('conversation.messages', { count: publicMessages.length }),
            children: <Thread c={c} messages={publicMessages} action="message" />,
          },
          {
            key: 'notes',
            label: (
              <span>
                <LockOutlined /> {t('conversation.notes', { count: notes.length })}
              </span>
            ),
            children: <Thread c={c} messages={notes} action="note" />,
          },
        ]}
      />
    </Card>
  );
}

function Thread({ c, messages, action }: { c: CaseDetail; messages: CaseDetail['messages']; action: 'message' | 'note' }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const allowed = c.allowedActions.includes(action);
  const send = async () => {
    if (!text.trim()) return;
    setBusy(true);
    try {
      const updated = await api.post<CaseDetail>(`/returns/${c.id}/actions/${action}`, { body: text.trim() });
      queryClient.setQueryData(['case', c.id], updated);
      setText('');
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="thread" data-testid={`thread-${action}`}>
      {messages.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={action === 'note' ? t('conversation.noNotes') : t('conversation.noMessages')} />}
      {messages.map((m) => (
        <div key={m.id} className={`bubble ${m.author === 'buyer' ? 'bubble-buyer' : action === 'note' ? 'bubble-note' : 'bubble-staff'}`}>
          <div className="bubble-meta">
            {t(`actor.${m.author}`, { defaultValue: m.author })} · {shopTime(m.createdAt)}
          </div>
          <div className="bubble-body">{m.body}</div>
        </div>
      ))}
      {allowed && (
        <div className="composer">
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={2}
            maxLength={5000}
            placeholder={action === 'note' ? t('conversation.notePlaceholder') : t('conversation.messagePlaceholder')}
            onPressEnter={(e) => {
              if (e.ctrlKey || e.metaKey) void send();
            }}
            data-testid={`composer-${action}`}
          />
          <Button type="primary" icon={<SendOutlined />} loading={busy} disabled={!text.trim()} onClick={() => void send()} data-testid={`send-${action}`}>
            {action === 'note' ? t('conversation.addNote') : t('conversation.send')}
          </Button>
        </div>
      )}
    </div>
  );
}
