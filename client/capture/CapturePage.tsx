/**
 * The participant's page, reached by a session's short link (`/c/<capture token>`) on a phone: pick
 * or create the organisation, pick partners from the roster and say how you work together, send;
 * see and correct your entries until the session closes. German first, English switch.
 */
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { participantApi, participantKey, type CaptureInfo, type MySubmission } from '../api/capture.ts';
import { ACTOR_KINDS } from '../api/generated/domain.ts';
import type { CaptureRelation } from '../api/generated/graphql.ts';
import { canSend, emptyForm, formReducer, toInput } from './form.ts';
import { captureMessage } from './messages.ts';
import { RosterSearch } from './RosterSearch.tsx';
import './capture.css';

const RELATIONS: CaptureRelation[] = ['COOPERATION', 'PROJECT', 'WISH'];
const newEntryKey = () => Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

export function CapturePage({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const api = useMemo(() => participantApi(code, participantKey()), [code]);
  const [info, setInfo] = useState<CaptureInfo | null>(null);
  const [fatal, setFatal] = useState<string | null>(null);
  const [mine, setMine] = useState<MySubmission[]>([]);
  const [form, dispatch] = useReducer(formReducer, undefined, emptyForm);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** This new entry's key: sending it again after a lost answer does not make a second one. */
  const [entryKey, setEntryKey] = useState(newEntryKey);

  const refresh = useCallback(async () => {
    try {
      const [i, m] = await Promise.all([api.info(), api.mine()]);
      setInfo(i);
      setMine(m);
    } catch (e) {
      if (e instanceof ApiError) setFatal(captureMessage(t, e));
      else throw e;
    }
  }, [api, t]);
  useEffect(() => {
    void refresh();
    // The states of one's entries change as the moderator works: look again now and then.
    const timer = setInterval(() => void refresh(), 5000);
    return () => clearInterval(timer);
  }, [refresh]);

  const search = useCallback((text: string) => api.roster(text), [api]);
  const partnerIds = useMemo(() => new Set([...form.partners.map((p) => p.id), ...(form.org?.actorId ? [form.org.actorId] : [])]), [form]);

  const send = async () => {
    setError(null);
    setNotice(null);
    if (!canSend(form)) {
      setError(t('capture.needOrg'));
      return;
    }
    setBusy(true);
    try {
      await api.submit({ ...toInput(form), clientKey: form.editing ? null : entryKey });
      dispatch({ type: 'reset' });
      setEntryKey(newEntryKey());
      setNotice(t('capture.sent'));
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) setError(captureMessage(t, e));
      else throw e;
    } finally {
      setBusy(false);
    }
  };

  const withdraw = async (id: string) => {
    setError(null);
    try {
      await api.withdraw(id);
      await refresh();
    } catch (e) {
      if (e instanceof ApiError) setError(captureMessage(t, e));
      else throw e;
    }
  };

  const lang = i18n.language.startsWith('en') ? 'en' : 'de';
  const langSwitch = (
    <button type="button" className="lang" data-testid="capture-lang" onClick={() => void i18n.changeLanguage(lang === 'de' ? 'en' : 'de')}>
      {lang === 'de' ? t('capture.english') : t('capture.german')}
    </button>
  );

  if (fatal)
    return (
      <div className="capture-page" lang={lang}>
        <header>
          <h1>{t('capture.title')}</h1>
          {langSwitch}
        </header>
        <p className="capture-error" role="alert" data-testid="capture-fatal">
          {fatal}
        </p>
      </div>
    );
  if (!info) return <div className="capture-page" aria-busy="true" />;

  return (
    <div className="capture-page" lang={lang} data-testid="capture-page">
      <header>
        <h1>{info.name}</h1>
        {langSwitch}
      </header>
      {!info.open ? (
        <p className="capture-error" role="alert" data-testid="capture-closed">
          <strong>{t('capture.closedTitle')}.</strong> {t(`capture.reason.${info.reason ?? 'CLOSED'}`)}
        </p>
      ) : (
        <form
          className="capture-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <p className="intro">{t('capture.intro')}</p>
          <fieldset>
            <legend>{t('capture.yourOrg')}</legend>
            {form.org === null ? (
              <RosterSearch
                label={t('capture.searchOrg')}
                search={search}
                testId="org-search"
                onChoose={(e) => dispatch({ type: 'chooseOrg', id: e.id, name: e.name, kind: e.kind ?? null })}
                onCreate={(name) => dispatch({ type: 'newOrg', name })}
              />
            ) : form.org.actorId !== null ? (
              <p className="chosen" data-testid="org-chosen">
                <strong>{form.org.name}</strong>{' '}
                <button type="button" onClick={() => dispatch({ type: 'clearOrg' })}>
                  {t('capture.change')}
                </button>
              </p>
            ) : (
              <div className="new-org" data-testid="org-new">
                <label>
                  {t('capture.orgName')}
                  <input value={form.org.name} maxLength={120} onChange={(e) => dispatch({ type: 'setOrg', field: 'name', value: e.target.value })} />
                </label>
                <label>
                  {t('capture.kind')}
                  <select value={form.org.kind} data-testid="org-kind" onChange={(e) => dispatch({ type: 'setOrg', field: 'kind', value: e.target.value })}>
                    {ACTOR_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {t(`actorKind.${k}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('capture.district')}
                  <select value={form.org.regionId} data-testid="org-district" onChange={(e) => dispatch({ type: 'setOrg', field: 'regionId', value: e.target.value })}>
                    <option value="">{t('capture.noDistrict')}</option>
                    {info.districts.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" onClick={() => dispatch({ type: 'clearOrg' })}>
                  {t('capture.change')}
                </button>
              </div>
            )}
          </fieldset>

          <fieldset>
            <legend>{t('capture.partners')}</legend>
            <RosterSearch label={t('capture.searchPartner')} search={search} testId="partner-search" exclude={partnerIds} onChoose={(e) => dispatch({ type: 'addPartner', id: e.id, name: e.name })} />
            <ul className="partners" data-testid="partners">
              {form.partners.map((p) => (
                <li key={p.id} data-id={p.id}>
                  <div className="partner-head">
                    <strong>{p.name}</strong>
                    <button type="button" className="remove" aria-label={`${t('capture.remove')}: ${p.name}`} onClick={() => dispatch({ type: 'removePartner', id: p.id })}>
                      ×
                    </button>
                  </div>
                  <div className="relations" role="radiogroup" aria-label={t('capture.relation')}>
                    {RELATIONS.map((r) => (
                      <label key={r} className={p.relation === r ? 'on' : ''}>
                        <input type="radio" name={`rel-${p.id}`} value={r} checked={p.relation === r} onChange={() => dispatch({ type: 'setRelation', id: p.id, relation: r })} />
                        {t(`capture.rel.${r.toLowerCase()}`)}
                      </label>
                    ))}
                  </div>
                  {p.relation === 'PROJECT' && (
                    <label className="project-name">
                      {t('capture.projectName')}
                      <input value={p.projectName} maxLength={120} onChange={(e) => dispatch({ type: 'setProjectName', id: p.id, name: e.target.value })} />
                    </label>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>

          {error && (
            <p className="capture-error" role="alert" data-testid="capture-error">
              {error}
            </p>
          )}
          {notice && (
            <p className="capture-notice" role="status" data-testid="capture-notice">
              {notice}
            </p>
          )}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy} data-testid="capture-submit">
              {form.editing ? t('capture.update') : t('capture.submit')}
            </button>
            {form.editing && (
              <button type="button" onClick={() => dispatch({ type: 'reset' })}>
                {t('capture.cancelEdit')}
              </button>
            )}
          </div>
        </form>
      )}

      {mine.length > 0 && (
        <section className="mine" data-testid="capture-mine">
          <h2>{t('capture.mine')}</h2>
          <ul>
            {mine.map((m) => (
              <li key={m.id} data-id={m.id} data-state={m.state}>
                <div>
                  <strong>{m.org.name}</strong> <span className={`state state-${m.state.toLowerCase()}`}>{t(`capture.state.${m.state}`)}</span>
                </div>
                <div className="muted">{m.ties.map((x) => `${x.partnerName} (${t(`capture.rel.${x.relation.toLowerCase()}`)}${x.projectName ? `: ${x.projectName}` : ''})`).join(', ')}</div>
                {m.state === 'PENDING' && info.open && (
                  <div className="capture-actions">
                    <button type="button" onClick={() => dispatch({ type: 'edit', submission: m })}>
                      {t('capture.edit')}
                    </button>
                    <button type="button" onClick={() => void withdraw(m.id)}>
                      {t('capture.withdraw')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
