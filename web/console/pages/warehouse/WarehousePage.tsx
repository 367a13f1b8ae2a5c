import { CheckCircleTwoTone, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Empty, Form, Result, Row, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.js';
import type { CaseDetail, QueueItem, QueuePage } from '../../api/types.js';
import { useErrorText } from '../../components/ErrorAlert.js';
import { InspectFields, inspectBody, ReceiveFields, receiveBody, restockSummary, type InspectValues, type ReceiveValues } from '../../components/goods/GoodsFields.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusTag, TypeText } from '../../components/tags.js';
import { GroupCard, type ReturnGroup } from './GroupCard.js';
import { ScanInput } from './ScanInput.js';
import { useShopTime } from '../../lib/shop-time.js';

interface Scan {
  code: string;
  at: string;
  rma?: string;
  caseId?: string;
  result: 'found' | 'none' | 'several' | 'received' | 'inspected' | 'group' | 'groupReceived';
}

/** Receiving: scan or type an RMA or tracking number, count what arrived, grade it, choose what happens to it, photograph it. */
export function WarehousePage() {
  const { t } = useTranslation();
  const shopTime = useShopTime();
  const { message, modal } = App.useApp();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [matches, setMatches] = useState<QueueItem[] | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [scans, setScans] = useState<Scan[]>([]);
  const [lastCode, setLastCode] = useState<string | null>(null);
  // A parcel of several orders (a return group): every case the scan found belongs to it.
  const [group, setGroup] = useState<ReturnGroup | null>(null);
  const kase = useQuery({ queryKey: ['case', caseId], queryFn: () => api.get<CaseDetail>(`/returns/${caseId}`), enabled: !!caseId });
  const [receiveForm] = Form.useForm<ReceiveValues>();
  const [inspectForm] = Form.useForm<InspectValues>();
  const c = kase.data;
  const log = (s: Omit<Scan, 'at'>) => setScans((prev) => [{ ...s, at: new Date().toISOString() }, ...prev].slice(0, 30));

  const scan = async (code: string) => {
    setBusy(true);
    setLastCode(code);
    try {
      const page = await api.get<QueuePage>('/queue', { q: code, scope: 'all', sort: 'createdAt', order: 'desc', pageSize: 20 });
      setMatches(page.data);
      const groupCode = page.data[0]?.groupCode ?? null;
      if (groupCode && page.data.every((c) => c.groupCode === groupCode)) {
        // The group's code, its QR code or its tracking number: the parcel is received as a whole.
        setCaseId(null);
        setGroup(await api.get<ReturnGroup>(`/return-groups/${encodeURIComponent(groupCode)}`));
        log({ code, rma: groupCode, result: 'group' });
        return;
      }
      setGroup(null);
      if (page.data.length === 1) {
        setCaseId(page.data[0]!.id);
        log({ code, rma: page.data[0]!.rmaNumber, caseId: page.data[0]!.id, result: 'found' });
      } else {
        setCaseId(null);
        log({ code, result: page.data.length === 0 ? 'none' : 'several' });
      }
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const act = async (action: 'receive' | 'inspect', body: object) => {
    setBusy(true);
    try {
      const updated = await api.post<CaseDetail>(`/returns/${c!.id}/actions/${action}`, body);
      queryClient.setQueryData(['case', c!.id], updated);
      // A case of a group: the group's card shows its new status too.
      if (group) setGroup(await api.get<ReturnGroup>(`/return-groups/${encodeURIComponent(group.code)}`));
      await queryClient.invalidateQueries({ queryKey: ['queue'] });
      message.success(t(action === 'receive' ? 'warehouse.receivedOk' : 'warehouse.inspectedOk', { rma: updated.rmaNumber }));
      log({ code: lastCode ?? updated.rmaNumber, rma: updated.rmaNumber, caseId: updated.id, result: action === 'receive' ? 'received' : 'inspected' });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  const receiveGroup = () =>
    modal.confirm({
      title: t('warehouse.group.confirm', { code: group!.code }),
      content: t('warehouse.group.effect', { count: group!.cases.length }),
      okText: t('actions.name.receive'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: async () => {
        setBusy(true);
        try {
          const updated = await api.post<ReturnGroup>(`/return-groups/${encodeURIComponent(group!.code)}/actions/receive`, {});
          setGroup(updated);
          await queryClient.invalidateQueries({ queryKey: ['queue'] });
          message.success(t('warehouse.group.received', { code: updated.code, count: updated.cases.length }));
          log({ code: lastCode ?? updated.code, rma: updated.code, result: 'groupReceived' });
        } catch (err) {
          message.error(errorText(err));
        } finally {
          setBusy(false);
        }
      },
    });

  const confirmReceive = async () => {
    const v = await receiveForm.validateFields();
    const body = receiveBody(c!, v);
    const total = body.items.reduce((a, i) => a + i.receivedQuantity, 0);
    modal.confirm({
      title: t('warehouse.confirmReceive', { rma: c!.rmaNumber }),
      content: t('warehouse.receiveEffect', { count: total }),
      okText: t('actions.name.receive'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: () => act('receive', body),
    });
  };

  const confirmInspect = async () => {
    // A field left wrong (e.g. restocking grade C/D unconfirmed) is shown on the form itself.
    const v = await inspectForm.validateFields().catch(() => null);
    if (!v) return;
    const restock = restockSummary(c!, v);
    modal.confirm({
      title: t('warehouse.confirmInspect', { rma: c!.rmaNumber }),
      content: (
        <ul className="effects">
          <li>{restock.length ? t('effects.restock', { items: restock.map((r) => `+${r.quantity} ${r.sku}`).join(', ') }) : t('effects.noRestock')}</li>
          <li>{t('effects.refundFollowsInspection')}</li>
        </ul>
      ),
      okText: t('actions.name.inspect'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'confirm-ok' } as ButtonProps,
      onOk: () => act('inspect', inspectBody(c!, v)),
    });
  };

  return (
    <div className="page" data-testid="warehouse-page">
      <PageHeader title={t('warehouse.title')} subtitle={t('warehouse.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Card className="scan-card">
            <ScanInput onScan={(code) => void scan(code)} busy={busy} />
          </Card>
          {matches && matches.length === 0 && <Result status="warning" title={t('warehouse.noMatch', { code: lastCode })} subTitle={t('warehouse.noMatchHint')} data-testid="scan-none" />}
          {group && <GroupCard group={group} busy={busy} onReceive={receiveGroup} onInspect={(id) => setCaseId(id)} />}
          {matches && matches.length > 1 && !caseId && !group && (
            <Card title={t('warehouse.several', { count: matches.length })} style={{ marginTop: 16 }}>
              <Table<QueueItem>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={matches}
                onRow={(r) => ({ onClick: () => setCaseId(r.id), style: { cursor: 'pointer' } })}
                columns={[
                  { title: t('queue.col.rma'), dataIndex: 'rmaNumber' },
                  { title: t('queue.col.status'), dataIndex: 'status', render: (s) => <StatusTag status={s} /> },
                  { title: t('queue.col.buyer'), dataIndex: 'customerName' },
                  { title: t('queue.col.items'), key: 'i', render: (_, r) => r.items.map((i) => `${i.sku} ×${i.quantity}`).join(', ') },
                ]}
              />
            </Card>
          )}
          {c && (
            <Card
              style={{ marginTop: 16 }}
              className="warehouse-case"
              data-testid="warehouse-case"
              title={
                <Space wrap size={[8, 4]}>
                  <InboxOutlined />
                  <Link to={`/cases/${c.id}`}>{c.rmaNumber}</Link>
                  <StatusTag status={c.status} />
                  <Tag>
                    <TypeText type={c.type} />
                  </Tag>
                </Space>
              }
            >
              {/* Under the title, not beside it: on a handheld the RMA keeps the whole width. */}
              <div className="small muted" style={{ marginBottom: 8 }}>
                {[c.order?.customer?.name, c.order?.number].filter(Boolean).join(' · ')}
              </div>
              {c.shipments
                .filter((s) => s.direction === 'return')
                .map((s) => (
                  <Tag key={s.id} color="cyan" style={{ marginBottom: 12 }}>
                    {s.carrier} {s.trackingNumber}
                  </Tag>
                ))}
              {c.allowedActions.includes('receive') ? (
                <Form form={receiveForm} layout="vertical" key={`r-${c.id}-${c.status}`}>
                  <Typography.Title level={5}>{t('warehouse.receiveStep')}</Typography.Title>
                  <ReceiveFields items={c.items} />
                  <Button type="primary" size="large" loading={busy} onClick={() => void confirmReceive()} data-testid="receive-submit">
                    {t('warehouse.receiveButton')}
                  </Button>
                </Form>
              ) : c.allowedActions.includes('inspect') ? (
                <Form form={inspectForm} layout="vertical" key={`i-${c.id}-${c.status}`}>
                  <Typography.Title level={5}>{t('warehouse.inspectStep')}</Typography.Title>
                  <InspectFields c={c} form={inspectForm} />
                  <Button type="primary" size="large" loading={busy} onClick={() => void confirmInspect()} data-testid="inspect-submit">
                    {t('warehouse.inspectButton')}
                  </Button>
                </Form>
              ) : (
                <Alert
                  type={c.status === 'inspected' ? 'success' : 'info'}
                  showIcon
                  data-testid="warehouse-done"
                  title={c.status === 'inspected' ? t('warehouse.doneInspected') : t('warehouse.nothingToDo', { status: t(`status.${c.status}`) })}
                />
              )}
            </Card>
          )}
          {!matches && <Empty style={{ marginTop: 48 }} description={t('warehouse.waiting')} />}
        </Col>
        <Col xs={24} xl={7}>
          <Card title={t('warehouse.recent')} data-testid="scan-log">
            {scans.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('warehouse.noScans')} />
            ) : (
              <div className="scan-log">
                {scans.map((s, i) => (
                  <div key={i} className="scan-log-row">
                    {s.result === 'received' || s.result === 'inspected' || s.result === 'groupReceived' ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <span className={`dot dot-${s.result}`} />}
                    <div>
                      <div>
                        <strong>{s.rma ?? s.code}</strong> <span className="small muted">{t(`warehouse.result.${s.result}`)}</span>
                      </div>
                      <div className="small muted">
                        {s.code} · {shopTime(s.at)}
                      </div>
                    </div>
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
