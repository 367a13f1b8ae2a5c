import { ApiError } from '../shared/api.js';
import { apiClient, unwrap } from '../shared/api-client.js';
import type { GroupRequest, NotificationPreference, PortalBooking, ReturnRequest, Session } from './types.js';

export type { NotificationPreference };

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

/** The portal's public calls (no token yet): typed by the generated API paths. */
const publicClient = apiClient();

export const fetchShop = (slug: string | null) =>
  unwrap(slug ? publicClient.GET('/portal/v1/shops/{slug}', { params: { path: { slug } } }) : publicClient.GET('/portal/v1/shop'));

export async function lookUp(body: { shopSlug: string; orderNumber: string; email?: string; phone?: string }): Promise<Session> {
  const session = await unwrap(publicClient.POST('/portal/v1/sessions', { body }));
  window.sessionStorage.setItem(tokenKey(body.shopSlug), JSON.stringify(session));
  return session;
}

export function portalApi(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const client = apiClient(headers);
  const id = (id: string) => ({ params: { path: { id } } });
  return {
    order: () => unwrap(client.GET('/portal/v1/order')),
    preview: (request: ReturnRequest) => unwrap(client.POST('/portal/v1/returns/preview', { body: request })),
    create: (request: ReturnRequest) => unwrap(client.POST('/portal/v1/returns', { body: request })),
    getCase: (caseId: string) => unwrap(client.GET('/portal/v1/returns/{id}', id(caseId))),
    cancel: (caseId: string) => unwrap(client.POST('/portal/v1/returns/{id}/cancel', { ...id(caseId), body: {} })),
    acceptOffer: (caseId: string) => unwrap(client.POST('/portal/v1/returns/{id}/offer/accept', { ...id(caseId), body: {} })),
    declineOffer: (caseId: string, reason: string) => unwrap(client.POST('/portal/v1/returns/{id}/offer/decline', { ...id(caseId), body: reason ? { reason } : {} })),
    shipped: (caseId: string, parcel: { carrier: string; trackingNumber: string }) => unwrap(client.POST('/portal/v1/returns/{id}/shipped', { ...id(caseId), body: parcel })),
    /** What the shop's carriers can do for this return (pickup, drop-off code) and its parcels. */
    carrier: (caseId: string) => unwrap(client.GET('/portal/v1/returns/{id}/carrier', id(caseId))),
    book: (caseId: string, body: PortalBooking) => unwrap(client.POST('/portal/v1/returns/{id}/carrier/booking', { ...id(caseId), body })),
    message: (caseId: string, body: string) => unwrap(client.POST('/portal/v1/returns/{id}/messages', { ...id(caseId), body: { body } })),
    answerEvidence: (caseId: string, evidenceIds: string[], note: string) =>
      unwrap(client.POST('/portal/v1/returns/{id}/evidence-request/answer', { ...id(caseId), body: note ? { evidenceIds, note } : { evidenceIds } })),
    /** The buyer's orders in this shop that may come back together in one parcel. */
    buyerOrders: () => unwrap(client.GET('/portal/v1/buyer-orders')),
    createGroup: (request: GroupRequest) => unwrap(client.POST('/portal/v1/return-groups', { body: request })),
    getGroup: (code: string) => unwrap(client.GET('/portal/v1/return-groups/{ref}', { params: { path: { ref: code } } })),
    /** The group's one label as a blob URL (the token travels in a header, never in a link). */
    async groupLabelUrl(code: string, lang: string): Promise<string> {
      const res = await fetch(`${BASE}/return-groups/${encodeURIComponent(code)}/label.pdf?lang=${encodeURIComponent(lang)}`, { headers });
      if (!res.ok) throw new ApiError(res.status, 'label.unavailable', res.statusText);
      return URL.createObjectURL(await res.blob());
    },
    /** How the buyer hears about their returns, and one click to stop (or resume) a channel. */
    notifications: () => unwrap(client.GET('/portal/v1/notifications')),
    setOptOut: (channel: NotificationPreference['channel'], optedOut: boolean) =>
      unwrap(client.POST(optedOut ? '/portal/v1/notifications/{channel}/opt-out' : '/portal/v1/notifications/{channel}/opt-in', { params: { path: { channel } } })),
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
