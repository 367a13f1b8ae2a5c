import { describe, expect, it } from 'vitest';
import { dropOffCode, readScannedCode } from './codes.js';

describe('reading a scanned code', () => {
  it('reads back the QR code Retour prints', () => {
    expect(readScannedCode(dropOffCode('demo', 'R2612040001'))).toEqual({ text: 'R2612040001', shopSlug: 'demo', rmaNumber: 'R2612040001' });
  });

  it('survives what scanners and input methods do to it', () => {
    expect(readScannedCode('retour:Demo:r2612040001\r\n')).toMatchObject({ shopSlug: 'demo', rmaNumber: 'R2612040001' });
    expect(readScannedCode('RETOUR：demo：R2612040001')).toMatchObject({ shopSlug: 'demo', rmaNumber: 'R2612040001' });
    expect(readScannedCode('\u001dSF1234567890\t')).toEqual({ text: 'SF1234567890' });
  });

  it('leaves other codes as they are', () => {
    expect(readScannedCode(' R2612040001 ')).toEqual({ text: 'R2612040001' });
    expect(readScannedCode('RETOUR:demo')).toEqual({ text: 'RETOUR:demo' });
    expect(readScannedCode('DEMO1001')).toEqual({ text: 'DEMO1001' });
  });
});
