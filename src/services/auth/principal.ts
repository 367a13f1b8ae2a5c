import type { Role } from '../../domain/auth/permissions.js';

/** Who is calling the merchant API: a signed-in staff member or an API key, always of one shop. */
export interface Principal {
  kind: 'staff' | 'api_key';
  id: string;
  shopId: string;
  role: Role;
  name: string;
  /** An API key created as a marketplace connector: the only credential that may act as the platform. */
  platform?: boolean;
  /** Set for cookie sessions: writes must then carry this token in `X-CSRF-Token`. */
  csrfToken?: string;
}
