/** The console's pages and the permissions that show each in the menu (any one of them). */
export const NAV = [
  { key: 'today', path: '/', permissions: ['cases:read'] },
  { key: 'queue', path: '/queue', permissions: ['cases:read'] },
  { key: 'buyers', path: '/buyers', permissions: ['customers:read'] },
  { key: 'warehouse', path: '/warehouse', permissions: ['warehouse:receive'] },
  { key: 'policy', path: '/policy', permissions: ['policy:read'] },
  { key: 'settings', path: '/settings', permissions: ['shop:read'] },
] as const;
