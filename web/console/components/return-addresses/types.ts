/** A shop's return address (GET /api/v1/return-addresses). */
export interface ReturnAddress {
  id: string;
  name: string;
  phone: string;
  addressZh: string | null;
  addressLatin: string | null;
  postalCode: string | null;
  warehouse: string | null;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One line for a select or a table: recipient, phone, the address in the reader's script first. */
export function addressLine(a: Pick<ReturnAddress, 'name' | 'phone' | 'addressZh' | 'addressLatin' | 'warehouse'>, language: string): string {
  const address = language.startsWith('zh') ? (a.addressZh ?? a.addressLatin) : (a.addressLatin ?? a.addressZh);
  return [a.warehouse ? `[${a.warehouse}]` : null, `${a.name} ${a.phone}`, address].filter(Boolean).join(' · ');
}
