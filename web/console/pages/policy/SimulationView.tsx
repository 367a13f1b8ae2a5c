import { Alert, Card, Col, Row, Statistic, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Simulation, SimulationOutcome } from '../../api/types.js';
import { CsvButton } from '../../components/CsvButton.js';
import { useMoney } from '../../components/Money.js';
import { toMajor } from '../../lib/money.js';

/** What the draft would have done to the last days' cases, against what the policy of the time did. */
export function SimulationView({ sim, currency }: { sim: Simulation; currency: string }) {
  const { t } = useTranslation();
  const money = useMoney();
  const { before, after } = sim.totals;
  const delta = (a: number, b: number) => (b - a === 0 ? '' : ` (${b - a > 0 ? '+' : ''}${b - a})`);
  const outcome = (o: SimulationOutcome) => (
    <span>
      <Tag color={o.eligible ? 'green' : 'red'}>{o.eligible ? t('policy.sim.eligible') : t('policy.sim.refused')}</Tag>
      {money(o.refundMinor, currency)} · {t(`policy.sim.decision.${o.decision}`)}
      {o.fastRefund && <Tag color="purple">{t('refund.fast')}</Tag>}
      <div className="small muted">{o.rule}</div>
    </span>
  );
  return (
    <div data-testid="simulation">
      <Alert
        type={sim.changed.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={t('policy.sim.summary', { evaluated: sim.evaluated, changed: sim.changed.length, days: sim.days })}
        description={
          sim.truncated || sim.skipped.length ? (
            <>
              {sim.truncated && <div>{t('policy.sim.truncated')}</div>}
              {sim.skipped.length > 0 && (
                <div data-testid="simulation-skipped">{t('policy.sim.skipped', { count: sim.skipped.length, rmas: sim.skipped.slice(0, 5).map((s) => s.rmaNumber).join(', ') })}</div>
              )}
            </>
          ) : undefined
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} sm={12} md={6}>
          <Card size="small">
            <Statistic title={t('policy.sim.eligibleCount')} value={`${after.eligible}${delta(before.eligible, after.eligible)}`} />
          </Card>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Card size="small">
            <Statistic title={t('policy.sim.refunds')} value={money(after.refundMinor, currency)} />
            <span className="small muted">{t('policy.sim.before', { value: money(before.refundMinor, currency) })}</span>
          </Card>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Card size="small">
            <Statistic title={t('policy.sim.autoApproved')} value={`${after.autoApproved}${delta(before.autoApproved, after.autoApproved)}`} />
          </Card>
        </Col>
        <Col xs={24} sm={12} md={6}>
          <Card size="small">
            <Statistic title={t('policy.sim.fastRefunds')} value={`${after.fastRefunds}${delta(before.fastRefunds, after.fastRefunds)}`} />
          </Card>
        </Col>
      </Row>
      <Table
        size="small"
        rowKey="caseId"
        dataSource={sim.changed}
        pagination={{ pageSize: 8, size: 'small' }}
        title={() => (
          <div className="table-title">
            <strong>{t('policy.sim.changedCases')}</strong>
            <CsvButton
              filename="retour-simulation"
              header={[t('queue.col.rma'), t('policy.sim.changes'), t('policy.sim.beforeCol'), t('policy.sim.afterCol'), t('policy.sim.beforeRefund'), t('policy.sim.afterRefund')]}
              rows={() =>
                sim.changed.map((c) => [
                  c.rmaNumber,
                  c.changes.join(' '),
                  c.before.eligible ? t('policy.sim.eligible') : t('policy.sim.refused'),
                  c.after.eligible ? t('policy.sim.eligible') : t('policy.sim.refused'),
                  toMajor(c.before.refundMinor, currency),
                  toMajor(c.after.refundMinor, currency),
                ])
              }
            />
          </div>
        )}
        columns={[
          { title: t('queue.col.rma'), dataIndex: 'rmaNumber', sorter: (a, b) => a.rmaNumber.localeCompare(b.rmaNumber), render: (r: string, c) => <Link to={`/cases/${c.caseId}`}>{r}</Link> },
          { title: t('policy.sim.changes'), key: 'changes', render: (_, c) => c.changes.map((x) => <Tag key={x}>{t(`policy.sim.field.${x}`)}</Tag>) },
          { title: t('policy.sim.beforeCol'), key: 'before', render: (_, c) => outcome(c.before) },
          { title: t('policy.sim.afterCol'), key: 'after', render: (_, c) => outcome(c.after) },
          { title: t('policy.sim.difference'), key: 'd', align: 'right', sorter: (a, b) => a.after.refundMinor - a.before.refundMinor - (b.after.refundMinor - b.before.refundMinor), render: (_, c) => money(c.after.refundMinor - c.before.refundMinor, currency) },
        ]}
      />
    </div>
  );
}
