import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, rememberLanguage, type Language } from '../shared/i18n.js';
import { fetchShop, forgetSession, storedSession } from './api.js';
import { CombinePage } from './pages/Combine.js';
import { GroupPage } from './pages/Group.js';
import { LookupPage } from './pages/Lookup.js';
import { OrderPage } from './pages/Order.js';
import { ReturnPage } from './pages/Return.js';
import { navigate, useRoute } from './router.js';
import type { Session, ShopBrand } from './types.js';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const change = (lng: Language) => {
    void i18n.changeLanguage(lng);
    rememberLanguage(lng);
  };
  return (
    <div className="lang" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button key={lng} type="button" className="lang-btn" aria-pressed={i18n.language === lng} lang={lng} onClick={() => change(lng)}>
          {lng === 'en' ? 'EN' : '中文'}
        </button>
      ))}
    </div>
  );
}

function Header({ shop }: { shop: ShopBrand | null }) {
  const { t } = useTranslation();
  return (
    <header className="top">
      <div className="top-inner">
        <a className="brand" href={shop ? `/portal/${shop.slug}` : '/portal/'}>
          {shop?.logoUrl ? <img className="logo" src={shop.logoUrl} alt="" width={36} height={36} /> : <span className="logo logo-letter" aria-hidden="true">{(shop?.name ?? 'R').slice(0, 1)}</span>}
          <span className="brand-text">
            <span className="shop-name">{shop?.name ?? t('app.title')}</span>
            <span className="brand-sub">{t('app.title')}</span>
          </span>
        </a>
        <LanguageSwitch />
      </div>
    </header>
  );
}

export function App() {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const slug = route.page === 'pick' ? null : route.slug;
  const [shop, setShop] = useState<ShopBrand | null>(null);
  const [shopError, setShopError] = useState(false);
  const [session, setSession] = useState<Session | null>(() => (slug ? storedSession(slug) : null));
  const main = useRef<HTMLElement>(null);

  useEffect(() => {
    let live = true;
    setShopError(false);
    fetchShop(slug)
      .then((s) => {
        if (!live) return;
        setShop(s);
        if (!slug) navigate({ page: 'lookup', slug: s.slug }, { replace: true });
      })
      .catch(() => live && setShopError(true));
    return () => {
      live = false;
    };
  }, [slug]);

  useEffect(() => {
    document.title = shop ? `${t('app.title')} · ${shop.name}` : t('app.title');
  }, [shop, t, i18n.language]);

  // Each page change moves focus to the page's heading, so screen readers announce it.
  useEffect(() => {
    const heading = main.current?.querySelector('h1');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }, [route.page, shop]);

  const expired = () => {
    if (slug) forgetSession(slug);
    setSession(null);
    if (slug) navigate({ page: 'lookup', slug });
  };

  let content;
  if (shopError) content = <div className="card"><h1>{t('shop.notFound')}</h1><p>{t('shop.notFoundHint')}</p></div>;
  else if (!shop) content = <p className="loading" role="status">{t('common.loading')}</p>;
  else if (route.page === 'lookup' || route.page === 'pick' || !session) {
    content = (
      <LookupPage
        shop={shop}
        session={route.page === 'lookup' ? session : null}
        onSession={(s) => {
          setSession(s);
          // Arrived by a notification's link to one return: go on to that return.
          navigate(route.page === 'return' ? route : { page: 'order', slug: shop.slug });
        }}
      />
    );
  } else if (route.page === 'order') content = <OrderPage shop={shop} session={session} onExpired={expired} />;
  else if (route.page === 'combine') content = <CombinePage shop={shop} session={session} onExpired={expired} />;
  else if (route.page === 'group') content = <GroupPage shop={shop} session={session} code={route.code} onExpired={expired} />;
  else content = <ReturnPage shop={shop} session={session} caseId={route.id} onExpired={expired} />;

  return (
    <>
      <a className="skip" href="#main">{t('common.skip')}</a>
      <Header shop={shop} />
      <main id="main" ref={main} className="main">
        {content}
      </main>
      <footer className="foot">{t('app.footer')}</footer>
    </>
  );
}
