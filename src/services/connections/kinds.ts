import { shopifyKind } from '../../integrations/shopify/kind.js';
import { stripeKind } from '../../integrations/stripe/kind.js';
import { alipayKind } from '../../integrations/alipay/kind.js';
import { wooKind } from '../../integrations/woocommerce/kind.js';
import { aliyunSmsKind } from '../../integrations/aliyun-sms/kind.js';
import { tencentSmsKind } from '../../integrations/tencent-sms/kind.js';
import { twilioKind } from '../../integrations/twilio/kind.js';
import { taobaoKind } from '../../integrations/marketplaces/taobao/kind.js';
import { pinduoduoKind } from '../../integrations/marketplaces/pinduoduo/kind.js';
import { jdKind } from '../../integrations/marketplaces/jd/kind.js';
import { douyinKind } from '../../integrations/marketplaces/douyin/kind.js';
import type { ConnectionKind } from './connection-kind.js';
import { kuaidi100Kind } from '../../integrations/kuaidi100/kind.js';
import { easypostKind } from '../../integrations/easypost/kind.js';

/** Every connector Retour has: adding one is adding it here. */
export const CONNECTION_KINDS: readonly ConnectionKind[] = [shopifyKind, wooKind, stripeKind, alipayKind, aliyunSmsKind, tencentSmsKind, twilioKind, kuaidi100Kind, easypostKind, taobaoKind, pinduoduoKind, jdKind, douyinKind];

const byKind = new Map(CONNECTION_KINDS.map((k) => [k.kind, k]));
export const connectionKind = (kind: string): ConnectionKind | undefined => byKind.get(kind);
