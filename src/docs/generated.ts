import { CONFIG_VARIABLES } from '../config.js';
import { ORDER_CSV_COLUMNS } from '../services/imports/orders-csv-format.js';
import { ADJUSTMENT_CODES, SHIPPING_CODES } from '../integrations/online-retail/mapping.js';
import { renderPolicyReference } from './policy-reference.js';
import { renderCaseStates } from '../domain/cases/render-states.js';

const escape = (s: string) => s.replace(/\|/g, '\\|');

function importFormat(): string {
  const rows = ORDER_CSV_COLUMNS.map((c) => `| \`${c.name}\` | ${c.level} | ${c.required ? 'yes' : ''} | ${escape(c.description)} |`);
  return `<!-- Generated from src/services/imports/orders-csv-format.ts by \`npm run docs:generate\`. Do not edit. -->
# Order CSV import format

\`retour import orders FILE --shop SLUG\` or \`POST /api/v1/imports\` (multipart/form-data, field \`file\`).

- UTF-8 (a BOM is fine), comma-separated, a header row, RFC 4180 quoting. Header names are case-insensitive.
- One row per order line. The rows of one order are **consecutive** and share the order columns: give them on the
  first row or repeat them identically (a different value is an error).
- Money columns are decimals in the order's currency (\`19.99\`), converted exactly to integer minor units. More decimals
  than the currency has (\`0.001\` GBP) is an error, never rounded.
- Times are ISO 8601 (\`2026-10-01T10:00:00+08:00\`) or \`YYYY-MM-DD HH:MM[:SS]\` in the shop's time zone.
- An unknown column stops the import before any row is read (so a misspelt column never loses data silently).
- Each order is checked completely (the same rules as \`POST /api/v1/orders\`) before anything of it is written. A
  rejected order is listed with its line number and reason and leaves nothing behind; the other orders are imported.
- Re-importing a file updates the same orders (keyed by \`channel\` + \`order_id\`): progress and contact may change, what
  was bought and paid may not (the order is then rejected with \`order.purchase_changed\`).
- If the file stops being valid CSV, the import stops there: orders that ended before that line are kept, the order
  being read is not written, and the summary says where it stopped.

| column | level | required | meaning |
| --- | --- | --- | --- |
${rows.join('\n')}

## Example

\`\`\`csv
order_id,channel,placed_at,currency,customer_email,customer_name,sku,title,quantity,unit_price,order_discount,shipping_fee,size,colour
TB1001,taobao,2026-10-01 10:00,CNY,li.na@example.cn,李娜,TS-M-BLACK,纯棉T恤 黑色 M,2,79.00,10.00,0,M,黑色
TB1001,taobao,,,,,MUG-WHITE,马克杯,1,49.00,,,,
\`\`\`

## The Online Retail dataset

\`retour import online-retail FILE.csv.gz [--shop SLUG]\` imports the UCI dataset in \`shared/data/online-retail/\` into a
GBP shop (\`online-retail\` by default, time zone Europe/London, prices include VAT):

- each invoice without \`C\` is an order (channel \`web\`), one line per merchandise row;
- ${[...SHIPPING_CODES].map((c) => `\`${c}\``).join(', ')} rows are postage and carriage: they make the order's shipping fee;
- ${[...ADJUSTMENT_CODES].map((c) => `\`${c}\``).join(', ')} rows are bookkeeping (manual entries, discounts, samples, bank and
  marketplace fees, commission, the 0.001 £ pads): skipped and counted;
- rows priced at or below zero, or finer than a penny, are skipped and counted;
- negative quantities outside a \`C\` invoice are stock adjustments: skipped and counted;
- a \`C\` invoice's merchandise rows are returns: each returned unit is attributed to the customer's most recent earlier
  purchase of the same StockCode with units left to return; units that cannot be attributed (no customer, or no such
  purchase) are reported as unattributed. The report prints every count.
`;
}

function configuration(): string {
  const rows = CONFIG_VARIABLES.map(([name, fallback, meaning]) => `| \`${name}\` | ${escape(fallback)} | ${escape(meaning)} |`);
  return `<!-- Generated from src/config.ts by \`npm run docs:generate\`. Do not edit. -->
| variable | default | meaning |
| --- | --- | --- |
${rows.join('\n')}
`;
}

export const GENERATED_DOCS: Record<string, () => string> = {
  'docs/import-format.md': importFormat,
  'docs/configuration.md': configuration,
  'docs/case-states.md': renderCaseStates,
  'docs/policy.md': renderPolicyReference,
};
