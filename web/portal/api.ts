import { ApiError, requestJson } from '../shared/api.js';
import type { BuyerOrders, CaseView, GroupRequest, GroupView, OrderView, PickupAddress, PortalCarrierView, Preview, ReturnRequest, Session, ShopBrand } from './types.js';

const BASE = '/portal/v1';
const tokenKey = (slug: string) => `retour.portal.${slug}`;

/** The buyer's token lives for the tab only (sessionStorage) and expires on the server after 2 hours. */
export function storedSession(slug: string): Session | null {
  const raw = window.sessionStorage.getItem(tokenKey(slug));
  if (!raw) return null;
  try {
    // Expiry is the server's to judge (its clock decides): a stale token gets 401 and the lookup again.
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function forgetSession(slug: string) {
  window.sessionStorage.removeItem(tokenKey(slug));
}

export const fetchShop = (slug: string | null) => requestJson<ShopBrand>(slug ? `${BASE}/shops/${encodeURIComponent(slug)}` : `${BASE}/shop`);

export async function lookUp(body: { shopSlug: string; orderNumber: string; email?: string; phone?: string }): Promise<Session> {
  const session = await requestJson<Session>(`${BASE}/sessions`, { method: 'POST', body });
  window.sessionStorage.setItem(tokenKey(body.shopSlug), JSON.stringify(session));
  return session;
}

export interface NotificationPreference {
  channel: 'email' | 'sms';
  address: string;
  optedOut: boolean;
}

export function portalApi(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const get = <T>(path: string) => requestJson<T>(`${BASE}${path}`, { headers });
  const post = <T>(path: string, body: unknown) => requestJson<T>(`${BASE}${path}`, { method: 'POST', headers, body });
  return {
    order: () => get<OrderView>('/order'),
    preview: (request: ReturnRequest) => post<Preview>('/returns/preview', request),
    create: (request: ReturnRequest) => post<CaseView>('/returns', request),
    getCase: (id: string) => get<CaseView>(`/returns/${id}`),
    cancel: (id: string) => post<CaseView>(`/returns/${id}/cancel`, {}),
    acceptOffer: (id: string) => post<CaseView>(`/returns/${id}/offer/accept`, {}),
    declineOffer: (id: string, reason: string) => post<CaseView>(`/returns/${id}/offer/decline`, reason ? { reason } : {}),
    shipped: (id: string, parcel: { carrier: string; trackingNumber: string }) => post<CaseView>(`/returns/${id}/shipped`, parcel),
    /** What the shop's carriers can do for this return (pickup, drop-off code) and its parcels. */
    carrier: (id: string) => get<PortalCarrierView>(`/returns/${id}/carrier`),
    book: (id: string, body: { method: 'pickup' | 'drop_off'; windowStart?: string; windowEnd?: string; address?: PickupAddress }) => post<PortalCarrierView>(`/returns/${id}/carrier/booking`, body),
    message: (id: string, body: string) => post<CaseView>(`/returns/${id}/messages`, { body }),
    answerEvidence: (id: string, evidenceIds: string[], note: string) => post<CaseView>(`/returns/${id}/evidence-request/answer`, note ? { evidenceIds, note } : { evidenceIds }),
    /** The buyer's orders in this shop that may come back together in one parcel. */
    buyerOrders: () => get<BuyerOrders>('/buyer-orders'),
    createGroup: (request: GroupRequest) => post<GroupView>('/return-groups', request),
    getGroup: (code: string) => get<GroupView>(`/return-groups/${encodeURIComponent(code)}`),
    /** The group's one label as a blob URL (the token travels in a header, never in a link). */
    async groupLabelUrl(code: string, lang: string): Promise<string> {
      const res = await fetch(`${BASE}/return-groups/${encodeURIComponent(code)}/label.pdf?lang=${encodeURIComponent(lang)}`, { headers });
      if (!res.ok) throw new ApiError(res.status, 'label.unavailable', res.statusText);
      return URL.createObjectURL(await res.blob());
    },
    /** How the buyer hears about their returns, and one click to stop (or resume) a channel. */
    notifications: () => get<{ data: NotificationPreference[] }>('/notifications'),
    setOptOut: (channel: NotificationPreference['channel'], optedOut: boolean) =>
      requestJson<{ data: NotificationPreference[] }>(`${BASE}/notifications/${channel}/${optedOut ? 'opt-out' : 'opt-in'}`, { method: 'POST', headers }),
    /** Uploads one photo or video with progress (fetch cannot report upload progress; XHR can). */
    upload(id: string, file: File, itemId: string | undefined, onProgress: (fraction: number) => void): Promise<{ id: string }> {
      return new Promise((resolve, reject) => {
        const form = new FormData();
        form.append('purpose', 'claim');
        if (itemId) form.append('itemId', itemId);
        form.append('file', file, file.name);
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `${BASE}/returns/${id}/evidence`);
        xhr.setRequestHeader('authorization', headers.authorization);
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
        xhr.onload = () => {
          const data = xhr.responseText ? (JSON.parse(xhr.responseText) as { id: string; error?: { code: string; message: string } }) : null;
          if (xhr.status >= 200 && xhr.status < 300 && data) {
            onProgress(1);
            resolve(data);
          } else reject(new ApiError(xhr.status, data?.error?.code ?? 'http.error', data?.error?.message ?? xhr.statusText));
        };
        xhr.onerror = () => reject(new ApiError(0, 'network.error', 'Network error'));
        xhr.send(form);
      });
    },
    /** The label PDF as a blob URL (the token travels in a header, never in a link). */
    async labelUrl(id: string, lang: string): Promise<string> {
      const res = await fetch(`${BASE}/returns/${id}/label.pdf?lang=${encodeURIComponent(lang)}`, { headers });
      if (!res.ok) throw new ApiError(res.status, 'label.unavailable', res.statusText);
      return URL.createObjectURL(await res.blob());
    },
  };
}
export type PortalApi = ReturnType<typeof portalApi>;
