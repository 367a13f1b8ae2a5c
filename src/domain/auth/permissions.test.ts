import { describe, it, expect } from 'vitest';
import { can, isRole, PERMISSIONS, permissionsOf, ROLES, type Permission, type Role } from './permissions.js';

const MANAGE_SHOP_AND_STAFF: Permission[] = ['shop:manage', 'staff:manage', 'api_keys:manage'];

describe('can', () => {
  it('lets the owner do everything', () => {
    for (const p of PERMISSIONS) expect(can('owner', p)).toBe(true);
  });

  it('lets a viewer read everything and nothing else', () => {
    for (const p of PERMISSIONS) expect(can('viewer', p)).toBe(p.endsWith(':read'));
    expect(permissionsOf('viewer').length).toBeGreaterThan(0);
  });

  it('lets the warehouse receive parcels but not refund or decide', () => {
    expect(can('warehouse', 'warehouse:receive')).toBe(true);
    expect(can('warehouse', 'cases:read')).toBe(true);
    expect(can('warehouse', 'cases:message')).toBe(true);
    expect(can('warehouse', 'refunds:issue')).toBe(false);
    expect(can('warehouse', 'cases:decide')).toBe(false);
    expect(can('warehouse', 'orders:write')).toBe(false);
    expect(can('warehouse', 'staff:manage')).toBe(false);
  });

  it('lets a manager do everything except manage the shop, staff and API keys', () => {
    for (const p of PERMISSIONS) expect(can('manager', p)).toBe(!MANAGE_SHOP_AND_STAFF.includes(p));
    expect(can('manager', 'staff:manage')).toBe(false);
    expect(can('manager', 'refunds:issue')).toBe(true);
  });

  it('lets an agent handle cases but not refund, receive or change settings', () => {
    expect(can('agent', 'cases:create')).toBe(true);
    expect(can('agent', 'cases:decide')).toBe(true);
    expect(can('agent', 'cases:message')).toBe(true);
    expect(can('agent', 'orders:read')).toBe(true);
    expect(can('agent', 'refunds:issue')).toBe(false);
    expect(can('agent', 'warehouse:receive')).toBe(false);
    expect(can('agent', 'policy:write')).toBe(false);
  });

  it('lets nobody but the owner manage staff, the shop or API keys', () => {
    for (const role of ROLES) {
      for (const p of MANAGE_SHOP_AND_STAFF) expect(can(role, p)).toBe(role === 'owner');
    }
  });

  it('gives every role the right to read the shop', () => {
    for (const role of ROLES) expect(can(role, 'shop:read')).toBe(true);
  });
});

describe('permissionsOf', () => {
  it.each(ROLES.map((r) => [r]))('%s: lists exactly what `can` allows, in the table’s order', (role: Role) => {
    const listed = permissionsOf(role);
    expect(listed).toEqual(PERMISSIONS.filter((p) => can(role, p)));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('orders the roles by power: viewer ⊂ agent ⊂ manager ⊂ owner, warehouse ⊂ manager', () => {
    const subset = (a: Role, b: Role) => permissionsOf(a).every((p) => can(b, p));
    expect(subset('viewer', 'agent')).toBe(true);
    expect(subset('agent', 'manager')).toBe(true);
    expect(subset('warehouse', 'manager')).toBe(true);
    expect(subset('manager', 'owner')).toBe(true);
    expect(subset('manager', 'agent')).toBe(false);
    expect(permissionsOf('owner')).toEqual([...PERMISSIONS]);
  });
});

describe('isRole', () => {
  it.each(ROLES.map((r) => [r]))('accepts %s', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each(['admin', 'Owner', 'OWNER', ' owner', '', 'toString', 'constructor', 'viewers'])('refuses %j', (value) => {
    expect(isRole(value)).toBe(false);
  });
});
