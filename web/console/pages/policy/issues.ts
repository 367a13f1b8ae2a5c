import type { TFunction } from 'i18next';

/** A problem the API found in a policy (422 policy.invalid): a JSON pointer and an English sentence. */
export interface PolicyIssue {
  path: string;
  message: string;
}

const PATTERNS: [RegExp, string, (m: RegExpMatchArray) => Record<string, string>][] = [
  [/seller-fault window \((\d+) days\) is shorter than the no-reason window \((\d+) days\)/, 'sellerFaultShorter', (m) => ({ seller: m[1]!, noReason: m[2]! })],
  [/^The reason code "(.+)" is already used/, 'duplicateCode', (m) => ({ code: m[1]! })],
  [/^Returns without a reason are open/, 'noBuyerReason', () => ({})],
  [/^"(.+)" is not a reason of this policy/, 'unknownReason', (m) => ({ code: m[1]! })],
  [/^(Automatic approval|Fast refund) allows risk scores up to (\d+), but every buyer above (\d+)/, 'unreachable', (m) => ({ score: m[2]!, max: m[3]! })],
  [/^Automatic approval is on but approves no refund above 0/, 'autoApproveZero', () => ({})],
  [/^Fast refunds are on but allowed for no refund above 0/, 'fastRefundZero', () => ({})],
  [/^Lists no reason/, 'noReasonListed', () => ({})],
  [/^The warning \((\d+) bp\) comes after the limit \((\d+) bp\)/, 'warnAfterLimit', () => ({})],
  [/^A store-credit bonus is set/, 'bonusWithoutCredit', () => ({})],
  [/^is required$/, 'required', () => ({})],
  [/^is not a policy setting$/, 'unknownSetting', () => ({})],
  [/^must be >= (-?\d+)/, 'min', (m) => ({ min: m[1]! })],
  [/^must be <= (-?\d+)/, 'max', (m) => ({ max: m[1]! })],
  [/^must be integer/, 'integer', () => ({})],
  [/^must not have fewer than (\d+) characters/, 'minLength', (m) => ({ min: m[1]! })],
  [/^must not have more than (\d+) characters/, 'maxLength', (m) => ({ max: m[1]! })],
  [/^must be equal to one of the allowed values/, 'enum', () => ({})],
];

/** The issue in the UI language (the API speaks English); unknown sentences pass through. */
export function issueText(issue: PolicyIssue, t: TFunction): string {
  const message = issue.message.replace(/^With this override: /, '');
  for (const [re, key, vars] of PATTERNS) {
    const m = message.match(re);
    if (m) return `${issue.message.startsWith('With this override') ? t('policy.issues.override') : ''}${t(`policy.issues.${key}`, vars(m))}`;
  }
  return issue.message;
}
