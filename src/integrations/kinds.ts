import { shopifyKind } from './shopify/kind.js';
import { stripeKind } from './stripe/kind.js';
import { alipayKind } from './alipay/kind.js';
import { wooKind } from './woocommerce/kind.js';
import { aliyunSmsKind } from './aliyun-sms/kind.js';
import { tencentSmsKind } from './tencent-sms/kind.js';
import { twilioKind } from './twilio/kind.js';
import { taobaoKind } from './marketplaces/taobao/kind.js';
import { pinduoduoKind } from './marketplaces/pinduoduo/kind.js';
import { jdKind } from './marketplaces/jd/kind.js';
import { douyinKind } from './marketplaces/douyin/kind.js';
import type { ConnectionKind } from './connection-kind.js';
import { kuaidi100Kind } from './kuaidi100/kind.js';
import { easypostKind } from './easypost/kind.js';

/** Every connector Retour has: adding one is adding it here. */
export const CONNECTION_KINDS: readonly ConnectionKind[] = [shopifyKind, wooKind, stripeKind, alipayKind, aliyunSmsKind, tencentSmsKind, twilioKind, kuaidi100Kind, easypostKind, taobaoKind, pinduoduoKind, jdKind, douyinKind];

const byKind = new Map(CONNECTION_KINDS.map((k) => [k.kind, k]));
export const connectionKind = (kind: string): ConnectionKind | undefined => byKind.get(kind);
