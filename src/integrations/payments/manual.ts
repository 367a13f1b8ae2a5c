import type { RefundProvider } from './provider.js';

/** Staff pay back outside Retour (bank transfer, Alipay back office) and confirm here. */
export const manualProvider: RefundProvider = {
  name: 'manual',
  async refund() {
    return { status: 'awaiting_confirmation' };
  },
};
