import { DeleteOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session.js';
import { loadViews, saveViews, type SavedView } from '../../lib/saved-views.js';

/** Saved views: named sets of filters, per staff member (kept in this browser). */
export function SavedViews({ current, apply }: { current: Record<string, string | string[]>; apply: (params: Record<string, string | string[]>) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session } = useSession();
  const [views, setViews] = useState<SavedView[]>(() => loadViews(session.shop.id, session.id));
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const store = (next: SavedView[]) => {
    setViews(next);
    saveViews(session.shop.id, session.id, next);
  };

  return (
    <Space>
      <Dropdown
        trigger={['click']}
        menu={{
          items: views.length
            ? views.map((v) => ({
                key: v.id,
                label: (
                  <Space className="saved-view-item">
                    <span>{v.name}</span>
                    <DeleteOutlined
                      aria-label={t('views.delete')}
                      onClick={(e) => {
                        e.stopPropagation();
                        store(views.filter((x) => x.id !== v.id));
                      }}
                    />
                  </Space>
                ),
                onClick: () => apply(v.params),
              }))
            : [{ key: 'none', label: t('views.none'), disabled: true }],
        }}
      >
        <Button icon={<StarOutlined />} data-testid="saved-views">
          {t('views.title')} {views.length ? `(${views.length})` : ''}
        </Button>
      </Dropdown>
      <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="save-view">
        {t('views.save')}
      </Button>
      <Modal
        open={naming}
        title={t('views.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        okButtonProps={{ disabled: !name.trim() }}
        onCancel={() => setNaming(false)}
        onOk={() => {
          store([...views.filter((v) => v.name !== name.trim()), { id: `${Date.now()}`, name: name.trim(), params: current }]);
          message.success(t('views.saved', { name: name.trim() }));
          setName('');
          setNaming(false);
        }}
        destroyOnHidden
      >
        <Input autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder={t('views.namePlaceholder')} maxLength={60} data-testid="view-name" />
      </Modal>
    </Space>
  );
}
