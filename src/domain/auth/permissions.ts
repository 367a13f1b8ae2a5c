/** Staff roles (docs/api-guide.md, Authentication) and what each may do. Routes name a permission; this table decides. */
export const ROLES = ['owner', 'manager', 'agent', 'warehouse', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'shop:read',
  'shop:manage',
  'staff:manage',
  'api_keys:manage',
  'orders:read',
  'orders:write',
  'imports:run',
  'customers:read',
  'cases:read',
  'cases:create',
  'cases:decide',
  'cases:message',
  'warehouse:receive',
  'refunds:issue',
  'policy:read',
  'policy:write',
  'webhooks:manage',
  'analytics:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ: Permission[] = PERMISSIONS.filter((p) => p.endsWith(':read'));

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set(PERMISSIONS),
  manager: new Set(PERMISSIONS.filter((p) => !['shop:manage', 'staff:manage', 'api_keys:manage'].includes(p))),
  agent: new Set<Permission>([...READ, 'cases:create', 'cases:decide', 'cases:message']),
  warehouse: new Set<Permission>(['shop:read', 'orders:read', 'cases:read', 'customers:read', 'warehouse:receive', 'cases:message']),
  viewer: new Set<Permission>(READ),
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSIONS.filter((p) => GRANTS[role].has(p));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
