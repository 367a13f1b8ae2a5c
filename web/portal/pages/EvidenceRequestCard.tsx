import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '../components/ui.js';
import type { CaseView } from '../types.js';

/**
 * Issue 19.7: the evidence the shop asked for, by when, and the buyer's upload. Files go up one by
 * one (the same upload as a claim's photos), then one answer sends them and hands the case back.
 */
export function EvidenceRequestCard({
  c,
  due,
  upload,
  answer,
}: {
  c: CaseView;
  due: string;
  upload: (file: File, onProgress: (fraction: number) => void) => Promise<{ id: string }>;
  answer: (evidenceIds: string[], note: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [files, setFiles] = useState<File[]>([]);
  const [note, setNote] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const request = c.evidenceRequest;
  if (c.status !== 'awaiting_evidence' || !request || !c.allowedActions.includes('provide_evidence')) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length === 0) {
      setProblem(t('buyerEvidence.chooseFile'));
      return;
    }
    setProblem(null);
    const ids: string[] = [];
    try {
      for (const [i, file] of files.entries()) {
        setProgress(i / files.length);
        ids.push((await upload(file, (f) => setProgress((i + f) / files.length))).id);
      }
    } catch (err) {
      setProgress(null);
      setProblem((err as Error).message);
      return;
    }
    if (await answer(ids, note.trim())) {
      setFiles([]);
      setNote('');
    }
    setProgress(null);
  };

  return (
    <section className="section card evidence-request" aria-labelledby="evidence-h" data-testid="evidence-request">
      <h2 id="evidence-h">{t('buyerEvidence.title')}</h2>
      <p>{t('buyerEvidence.intro', { date: due })}</p>
      <ul data-testid="evidence-kinds">
        {request.kinds.map((k) => (
          <li key={k}>{t(`buyerEvidence.kind.${k}`, { defaultValue: k })}</li>
        ))}
      </ul>
      {request.note && (
        <p className="why" data-testid="evidence-note">
          {t('buyerEvidence.shopNote')}: {request.note}
        </p>
      )}
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor="evidence-files">{t('buyerEvidence.files')}</label>
          <input id="evidence-files" type="file" multiple accept="image/*,video/*" onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="evidence-files" />
        </div>
        <div className="field">
          <label htmlFor="evidence-note-input">{t('buyerEvidence.note')}</label>
          <textarea id="evidence-note-input" rows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        {problem && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className="btn btn-primary" disabled={progress !== null} data-testid="evidence-send">
          {progress !== null && <Spinner />}
          {progress !== null ? t('buyerEvidence.sending', { percent: Math.round(progress * 100) }) : t('buyerEvidence.send')}
        </button>
      </form>
    </section>
  );
}
