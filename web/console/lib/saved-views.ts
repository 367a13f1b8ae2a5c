/**
 * Saved queue views, kept per staff member in this browser (localStorage, keyed by shop and
 * staff id): a view is a name and the queue's filter parameters.
 */
export interface SavedView {
  id: string;
  name: string;
  params: Record<string, string | string[]>;
}

const key = (shopId: string, staffId: string) => `retour.console.views.${shopId}.${staffId}`;

export function loadViews(shopId: string, staffId: string): SavedView[] {
  try {
    const raw = window.localStorage.getItem(key(shopId, staffId));
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    return Array.isArray(parsed) ? (parsed as SavedView[]).filter((v) => typeof v?.name === 'string' && typeof v?.params === 'object') : [];
  } catch {
    return [];
  }
}

export function saveViews(shopId: string, staffId: string, views: SavedView[]) {
  window.localStorage.setItem(key(shopId, staffId), JSON.stringify(views));
}
