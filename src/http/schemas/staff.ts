import { StringEnum } from '../../domain/typebox.js';
import { Type } from 'typebox';
import { PERMISSIONS, ROLES } from '../../domain/auth/permissions.js';
import type { ApiKeyRow } from '../../services/api-keys/api-keys.js';
import type { StaffRow } from '../../services/staff/staff.js';
import { closed, DateTime, Nullable, Uuid } from './common.js';

export const RoleSchema = StringEnum(ROLES);
export const LocaleSchema = Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]);

export const StaffSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  locale: Type.String(),
  disabled: Type.Boolean(),
  lastLoginAt: Nullable(DateTime),
  createdAt: DateTime,
}, closed);

export const staffView = (s: StaffRow) => ({
  id: s.id,
  email: s.email,
  name: s.name,
  role: s.role as (typeof ROLES)[number],
  locale: s.locale,
  disabled: s.disabledAt !== null,
  lastLoginAt: s.lastLoginAt?.toISOString() ?? null,
  createdAt: s.createdAt.toISOString(),
});

export const ApiKeySchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  role: RoleSchema,
  platform: Type.Boolean({ description: 'A marketplace connector key: may act as the platform (X-Acting-As: platform)' }),
  prefix: Type.String({ description: 'Shown to tell keys apart; the secret is never shown again' }),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
}, closed);

export const apiKeyView = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  role: k.role as (typeof ROLES)[number],
  platform: k.platform,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
});

export const PermissionSchema = StringEnum(PERMISSIONS);
