/**
 * What each analytics figure means, stated once: the API returns these texts with the figures
 * and docs/analytics.md explains them at length.
 */
export interface Definition {
  en: string;
  'zh-CN': string;
}

export const DEFINITIONS = {
  returnRate: {
    en:
      'Return rate = units returned ÷ units sold, for the orders placed in the period (order-date cohort, in the shop\'s time zone). ' +
      'Sold: units of the lines of orders that are paid and not cancelled. Returned: units accepted back by inspection in completed cases of type ' +
      'return_refund, exchange or refused_delivery, counted in the period of the order they came from. By value: the same with the money paid ' +
      "for those units (each line's paid amount shared over its units; orders in another currency than the shop's count in units only). " +
      'Refund-only cases, partial refunds and reships bring no goods back and are not returns (see /cost). pendingReturnUnits: units of such ' +
      'return cases still open.',
    'zh-CN':
      '退货率 = 退回件数 ÷ 售出件数，统计期间内下单的订单（按下单日期归属，店铺时区）。售出：已付款且未取消订单的商品件数。退回：类型为退货退款、' +
      '换货、拒收的已完成售后单中经验货接受的件数，计入其原订单的下单期间。按金额：对应件数的实付金额（订单行实付按件分摊；非店铺币种订单只计件数）。' +
      '仅退款、部分退款、补发不退回商品，不计入退货（见 /cost）。pendingReturnUnits：仍在处理中的退货件数。',
  },
  qualityRefundRate: {
    en:
      'Quality refund rate = cases refunded with at least one quality reason (reasons marked quality: true in the policy version of the case) ÷ ' +
      "paid orders, both over the rolling window of the policy's qualityRefundRate.windowDays ending on each day (shop time zone). A case counts " +
      'on the day of its first successful refund (refund or fast refund), an order on the day it was paid. Levels: warn at warnAtBp, limit at ' +
      'limitBp; projected_warn / projected_limit when a least-squares line through the last 14 daily window rates reaches the threshold ' +
      'within 7 days. By SKU, product or category, paid orders are those containing the SKU (an order counts once for each of its SKUs).',
    'zh-CN':
      '品质退款率 = 滚动窗口（政策 qualityRefundRate.windowDays 天，店铺时区）内因品质原因（售后单所用政策版本中 quality 为 true 的原因）退款成功的售后单数 ÷ ' +
      '付款订单数。售后单按首次退款成功日计，订单按付款日计。warnAtBp 预警，limitBp 超限；按最近 14 天窗口退款率的最小二乘趋势线 7 天内将达到阈值时为 projected_warn / projected_limit。',
  },
  cost: {
    en:
      'Cost of returns, by the day each part happened (shop time zone): refunds paid (succeeded refunds, by the day they succeeded), return ' +
      'shipping the shop reimbursed to buyers, store-credit bonuses, and stock written off (units scrapped at inspection × their paid unit ' +
      'price, by the day the case completed), less restocking fees kept (by the day the case completed). totalMinor = refunded + shipping ' +
      'reimbursed + bonuses + written off − restocking fees. By SKU or reason, only money tied to an order line is split (shipping and ' +
      'bonuses are shop-level). Amounts are in the shop currency; refunds in other currencies are left out of the money.',
    'zh-CN':
      '退货成本（按各项发生日，店铺时区）：退款成功金额、商家承担的退货运费补偿、储值赠送、报废商品（验货报废件数 × 实付单价，按售后完成日），减去收取的折旧费（按售后完成日）。' +
      'totalMinor = 退款 + 运费补偿 + 赠送 + 报废 − 折旧费。按 SKU 或原因只拆分与订单行对应的金额。',
  },
  timeToRefund: {
    en:
      'Time to refund: from the request (case created) to its first successful refund, for cases first refunded in the period; p50 and p90 ' +
      'from a histogram (1-minute buckets under an hour, 1-hour under a week, 1-day beyond), interpolated within the bucket. Deadline ' +
      'compliance: of the merchant deadlines (merchant_response, merchant_receipt, refund_after_receipt) of cases that ended in the period, ' +
      'the share met (the case left the deadline\'s status before it was due); null when the shop has no deadlines recorded. Decisions: ' +
      'approve, reject, resolve, offer_partial, refund, fast_refund, exchange, intercepted and close events in the period, by actor: system ' +
      '(automatic), staff (manual), platform.',
    'zh-CN':
      '退款时长：从申请（售后单创建）到首次退款成功，统计期间内首次退款的售后单；p50、p90 取自直方图（1 小时内按分钟、1 周内按小时、以上按天分桶，桶内插值）。' +
      '时效达成率：期间内结束的售后单的商家时限（merchant_response、merchant_receipt、refund_after_receipt）中按时完成的比例；无时限记录时为 null。' +
      '决策：期间内同意、拒绝、裁决、部分退款提议、退款、极速退款、换货、拦截、关闭事件，按执行者：system（自动）、staff（人工）、platform（平台）。',
  },
  reasons: {
    en:
      'Reasons: cases requested in the period (by the day they were requested, shop time zone; cancelled requests excluded), counted once per ' +
      'reason they give, with the units they ask to return, and units returned (accepted back in completed return cases) by order-date ' +
      'cohort. Grouped by SKU, product or category: the top groups by cases, each with its top reasons.',
    'zh-CN': '售后原因：期间内申请的售后单（按申请日，不含已撤销），每个原因计一次，含申请件数；以及按下单日期归属的退回件数。按 SKU、商品或类目分组时给出各组的主要原因。',
  },
  customers: {
    en:
      "Buyers with the most returns: units returned (accepted back in completed return cases) and units bought (lines of paid, not cancelled " +
      'orders) by order month, cases requested (by request month) and money refunded (by refund month). Return rate = returned ÷ bought. ' +
      'Without a period: all time. With a period: the whole months it touches (shop time zone), stated in `period`. Guests (no customer ' +
      'record) are not listed.',
    'zh-CN': '退货最多的买家：退回件数与购买件数（按下单月）、售后申请数（按申请月）、退款金额（按退款月）；退货率 = 退回 ÷ 购买。无期间时为全部历史；有期间时按其覆盖的整月统计。',
  },
  predictions: {
    en:
      "Return risk: the probability that an order line has units returned, from the shop's own logistic-regression model (standardised " +
      "features: the SKU's, product's, category's and buyer's historic return rates smoothed towards the shop rate, buyer's earlier orders, " +
      'size/colour variant, other sizes of the same product in the order, price, discount share, quantity, lines in the order, channel). ' +
      'Each score lists its features by contribution (coefficient × standardised value, in log-odds). A SKU\'s predicted return rate is the ' +
      'mean probability of its order lines in the last 90 days of the training data. Train with `retour analytics train`.',
    'zh-CN':
      '退货风险：订单行发生退货的概率，来自店铺自有数据训练的逻辑回归模型（标准化特征：SKU/商品/类目/买家历史退货率（向店铺整体平滑）、买家历史订单、尺码/颜色规格、同单同款多规格、价格、折扣占比、件数、订单行数、渠道）。' +
      '每个评分列出各特征贡献（系数 × 标准化值，对数几率）。SKU 预测退货率为训练数据最近 90 天该 SKU 订单行的平均概率。',
  },
} satisfies Record<string, Definition>;
