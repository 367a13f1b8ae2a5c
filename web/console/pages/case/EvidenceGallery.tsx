import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Card, Empty, Image, Tag, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, apiUrl } from '../../api/client.js';
import type { CaseDetail } from '../../api/types.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { useShopTime } from '../../lib/shop-time.js';

/** Photos and videos of the case: the buyer's claim and the warehouse's inspection, full size on click. */
export function EvidenceGallery({ c, canUpload }: { c: CaseDetail; canUpload: boolean }) {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  return (
    <Card title={t('evidence.title', { count: c.evidence.length })} data-testid="evidence-gallery">
      {c.evidence.length === 0 && !canUpload && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence.none')} />}
      <div className="gallery">
        <Image.PreviewGroup>
          {c.evidence.map((e) => (
            <figure key={e.id} className="gallery-item">
              {e.mime.startsWith('video/') ? (
                <video src={apiUrl(`/evidence/${e.id}`)} controls preload="metadata" width={148} height={112} />
              ) : (
                <Image src={apiUrl(`/evidence/${e.id}`)} width={148} height={112} style={{ objectFit: 'cover' }} alt={t(`evidence.purpose.${e.purpose}`)} />
              )}
              <figcaption>
                <Tag color={e.purpose === 'claim' ? 'orange' : e.purpose === 'inspection' ? 'blue' : 'default'}>{t(`evidence.purpose.${e.purpose}`, { defaultValue: e.purpose })}</Tag>
                <span className="small muted">{shopTime(e.createdAt)}</span>
              </figcaption>
            </figure>
          ))}
        </Image.PreviewGroup>
        {canUpload && (
          <Upload
            accept="image/*,video/*"
            listType="picture-card"
            showUploadList={false}
            customRequest={async (req) => {
              const form = new FormData();
              form.append('purpose', 'inspection');
              form.append('file', req.file as Blob);
              try {
                await api.upload(`/returns/${c.id}/evidence`, form);
                await queryClient.invalidateQueries({ queryKey: ['case', c.id] });
                message.success(t('evidence.uploaded'));
                req.onSuccess?.({});
              } catch (err) {
                message.error(errorText(err));
                req.onError?.(err as Error);
              }
            }}
          >
            <div>
              <PlusOutlined />
              <div style={{ marginTop: 4 }}>{t('evidence.add')}</div>
            </div>
          </Upload>
        )}
      </div>
    </Card>
  );
}
