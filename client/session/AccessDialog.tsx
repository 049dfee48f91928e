/**
 * "Zugänge" (admins): the access tokens with their role and use; a new one with name and role shows
 * its secret and sign-in link once, with copy buttons; revoking asks first.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, createToken, fetchTokens, revokeToken, type AccessToken, type CreatedToken, type Role } from '../api/access.ts';
import type { ApiError } from '../api/client.ts';
import { Dialog } from '../components/Dialog.tsx';
import { Confirm } from '../edit/Confirm.tsx';
import { useWrite } from '../edit/useWrite.ts';
import { WriteError } from '../edit/WriteError.tsx';
import { formatDateTime } from '../i18n/index.ts';
import type { Lang } from '../state/explorer.ts';
import { asApiError } from '../state/useExplorer.ts';
import { roleKey } from './SessionMenu.tsx';

export interface AccessDialogProps {
  lang: Lang;
  onClose(): void;
}

export function AccessDialog({ lang, onClose }: AccessDialogProps) {
  const { t } = useTranslation();
  const [tokens, setTokens] = useState<AccessToken[] | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [showRevoked, setShowRevoked] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    const ac = new AbortController();
    fetchTokens(showRevoked, ac.signal)
      .then((list) => {
        if (ac.signal.aborted) return;
        setTokens(list);
        setLoadError(null);
      })
      .catch((e: unknown) => !ac.signal.aborted && setLoadError(asApiError(e)));
    return () => ac.abort();
  }, [showRevoked, attempt]);

  return (
    <Dialog
      title={t('access.title')}
      onClose={onClose}
      wide
      testId="access-dialog"
      footer={
        <button type="button" onClick={onClose}>
          {t('import.close')}
        </button>
      }
    >
      <p className="hint">{t('access.intro')}</p>
      <NewToken
        onCreated={(c) => {
          setCreated(c);
          reload();
        }}
      />
      {created && <CreatedSecret created={created} onDismiss={() => setCreated(null)} />}
      <div className="panel-head">
        <h3>{t('access.list')}</h3>
        <label className="check">
          <input type="checkbox" checked={showRevoked} onChange={(e) => setShowRevoked(e.target.checked)} /> {t('access.showRevoked')}
        </label>
      </div>
      {loadError && <WriteError error={loadError} />}
      {tokens && tokens.length === 0 && <p className="hint">{t('access.none')}</p>}
      {tokens && tokens.length > 0 && (
        <table className="report tokens" data-testid="token-table">
          <thead>
            <tr>
              <th scope="col">{t('access.name')}</th>
              <th scope="col">{t('access.role')}</th>
              <th scope="col">{t('access.created')}</th>
              <th scope="col">{t('access.lastUsed')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('access.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <TokenRow key={tok.id} token={tok} lang={lang} onRevoked={reload} />
            ))}
          </tbody>
        </table>
      )}
    </Dialog>
  );
}

function NewToken({ onCreated }: { onCreated(c: CreatedToken): void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('VIEWER');
  const [pseudonymous, setPseudonymous] = useState(false);
  const [missing, setMissing] = useState(false);
  const write = useWrite();
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (name.trim() === '') return setMissing(true);
    const c = await write.run(() => createToken(name.trim(), role, role === 'VIEWER' && pseudonymous));
    if (c) {
      setName('');
      setPseudonymous(false);
      onCreated(c);
    }
  };
  const nameError = missing && name.trim() === '' ? t('form.error.required') : write.error?.code === 'BAD_USER_INPUT' ? write.error.issues[0]?.message : undefined;
  return (
    <form className="edit-form new-token" onSubmit={(e) => void submit(e)} noValidate data-testid="new-token">
      <div className="form-row">
        <div className={nameError ? 'form-field invalid' : 'form-field'}>
          <label className="form-label" htmlFor="new-token-name">
            {t('access.name')}
          </label>
          <input
            id="new-token-name"
            type="text"
            value={name}
            placeholder={t('access.namePlaceholder')}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'new-token-error' : undefined}
            onChange={(e) => setName(e.target.value)}
            disabled={write.busy}
          />
          {nameError && (
            <small className="field-error" id="new-token-error" role="alert">
              {nameError}
            </small>
          )}
        </div>
        <div className="form-field">
          <label className="form-label" htmlFor="new-token-role">
            {t('access.role')}
          </label>
          <select id="new-token-role" value={role} onChange={(e) => setRole(e.target.value as Role)} disabled={write.busy}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(roleKey(r))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={write.busy}>
          {t('access.create')}
        </button>
      </div>
      {role === 'VIEWER' && (
        <label className="check" title={t('access.pseudonymousHint')}>
          <input type="checkbox" checked={pseudonymous} onChange={(e) => setPseudonymous(e.target.checked)} disabled={write.busy} data-testid="new-token-pseudonymous" />{' '}
          {t('access.pseudonymous')}
        </label>
      )}
      <p className="hint">{t(role === 'VIEWER' && pseudonymous ? 'access.pseudonymousHint' : `session.explain.${role}`)}</p>
      {write.error?.code !== 'BAD_USER_INPUT' && <WriteError error={write.error} />}
    </form>
  );
}

function CreatedSecret({ created, onDismiss }: { created: CreatedToken; onDismiss(): void }) {
  const { t } = useTranslation();
  return (
    <section className="created-secret" role="status" data-testid="created-token">
      <p>
        <strong>{t('access.createdFor', { name: created.token.name, role: t(roleKey(created.token.role)) })}</strong>
        {created.token.pseudonymous && ` ${t('access.pseudonymousBadge')}.`} {t('access.onceOnly')}
      </p>
      <CopyField label={t('access.link')} value={created.signInUrl} testId="created-link" />
      <CopyField label={t('access.secret')} value={created.secret} testId="created-secret" />
      <button type="button" className="link" onClick={onDismiss}>
        {t('access.dismiss')}
      </button>
    </section>
  );
}

export function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<boolean | null>(null);
  const id = `copy-${testId}`;
  const copy = async (input: HTMLInputElement | null) => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (e.g. not a secure context): select the text for Ctrl+C.
      input?.select();
      setCopied(false);
    }
  };
  return (
    <div className="copy-field">
      <label className="form-label" htmlFor={id}>
        {label}
      </label>
      <div className="copy-row">
        <input id={id} type="text" readOnly value={value} onFocus={(e) => e.target.select()} data-testid={testId} />
        <button type="button" onClick={(e) => void copy(e.currentTarget.previousElementSibling as HTMLInputElement | null)}>
          {t('access.copy')}
        </button>
      </div>
      {copied !== null && (
        <small className="hint" role="status">
          {copied ? t('access.copied') : t('access.copyManually')}
        </small>
      )}
    </div>
  );
}

function TokenRow({ token, lang, onRevoked }: { token: AccessToken; lang: Lang; onRevoked(): void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const write = useWrite();
  const revoke = async () => {
    const done = await write.run(() => revokeToken(token.id));
    if (done) {
      setConfirming(false);
      onRevoked();
    }
  };
  return (
    <>
      <tr className={token.active ? undefined : 'revoked'} data-token={token.id}>
        <td>{token.name}</td>
        <td>
          <span className={`role-badge role-${token.role.toLowerCase()}`}>{t(roleKey(token.role))}</span>
          {token.pseudonymous && (
            <small className="hint" title={t('access.pseudonymousHint')}>
              {' '}
              · {t('access.pseudonymousBadge')}
            </small>
          )}
        </td>
        <td>
          {formatDateTime(token.createdAt, lang)}
          {token.createdBy && <small className="hint"> · {token.createdBy}</small>}
        </td>
        <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt, lang) : <span className="hint">{t('access.never')}</span>}</td>
        <td className="num">
          {token.active ? (
            !confirming && (
              <button type="button" className="link danger-link" onClick={() => setConfirming(true)} data-testid="revoke">
                {t('access.revoke')}
              </button>
            )
          ) : (
            <span className="hint">{t('access.revokedAt', { date: formatDateTime(token.revokedAt, lang) })}</span>
          )}
        </td>
      </tr>
      {confirming && (
        <tr>
          <td colSpan={5}>
            <Confirm
              question={t('access.revokeQuestion', { name: token.name })}
              confirmLabel={t('access.revoke')}
              busy={write.busy}
              onConfirm={() => void revoke()}
              onCancel={() => {
                write.clear();
                setConfirming(false);
              }}
            />
            <WriteError error={write.error} />
          </td>
        </tr>
      )}
    </>
  );
}
