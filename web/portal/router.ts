import { useEffect, useState } from 'react';

/** The portal's few pages, from the path: /portal/{shop}[/order | /returns/{id} | /combine | /groups/{code}]. */
export type Route =
  | { page: 'pick' }
  | { page: 'lookup'; slug: string }
  | { page: 'order'; slug: string }
  | { page: 'return'; slug: string; id: string }
  /** One return of items from several of the buyer's orders (one parcel). */
  | { page: 'combine'; slug: string }
  | { page: 'group'; slug: string; code: string };

export function parseRoute(pathname: string): Route {
  const parts = pathname.replace(/^\/portal\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [slug, section, id] = parts;
  if (!slug) return { page: 'pick' };
  if (section === 'order') return { page: 'order', slug };
  if (section === 'returns' && id) return { page: 'return', slug, id };
  if (section === 'combine') return { page: 'combine', slug };
  if (section === 'groups' && id) return { page: 'group', slug, code: id };
  return { page: 'lookup', slug };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'pick':
      return '/portal/';
    case 'lookup':
      return `/portal/${encodeURIComponent(route.slug)}`;
    case 'order':
      return `/portal/${encodeURIComponent(route.slug)}/order`;
    case 'return':
      return `/portal/${encodeURIComponent(route.slug)}/returns/${encodeURIComponent(route.id)}`;
    case 'combine':
      return `/portal/${encodeURIComponent(route.slug)}/combine`;
    case 'group':
      return `/portal/${encodeURIComponent(route.slug)}/groups/${encodeURIComponent(route.code)}`;
  }
}

const listeners = new Set<() => void>();

export function navigate(route: Route, options: { replace?: boolean } = {}) {
  const url = pathOf(route) + window.location.search;
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.scrollTo(0, 0);
  listeners.forEach((l) => l());
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}
