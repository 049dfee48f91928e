/**
 * Who is signed in, in the header: the role as a badge with the token's name; a menu to sign out and,
 * for admins, to manage the access tokens. Without a token: "read only".
 */
import { useTranslation } from 'react-i18next';
import { useDismiss } from '../components/useDismiss.ts';
import type { Session } from './useSession.ts';

export interface SessionMenuProps {
  session: Session;
  onOpenAccess(): void;
}

/** The badge's text: "Bearbeiten · Workshop Delitzsch", "Nur lesen". */
export function roleKey(role: Session['me']['role']): string {
  return `session.role.${role ?? 'ANONYMOUS'}`;
}

export function SessionMenu({ session, onOpenAccess }: SessionMenuProps) {
  const { t } = useTranslation();
  const ref = useDismiss<HTMLDetailsElement>();
  const { me, token } = session;
  const badge = (
    <span className={`role-badge role-${(me.role ?? 'anonymous').toLowerCase()}`} data-testid="role-badge" data-role={me.role ?? 'ANONYMOUS'}>
      {t(roleKey(me.role))}
    </span>
  );
  if (!token)
    return (
      <span className="session" title={t(me.readAccess === 'token' ? 'session.needToken' : 'session.anonymousHint')} data-testid="session">
        {badge}
      </span>
    );
  return (
    <details className="session-menu menu" data-testid="session" ref={ref}>
      <summary>
        {badge}
        {me.name && <span className="session-name">{me.name}</span>}
      </summary>
      <div className="menu-panel">
        <p className="hint">{t(`session.explain.${me.role ?? 'ANONYMOUS'}`)}</p>
        {me.canAdmin && (
          <button
            type="button"
            onClick={() => {
              if (ref.current) ref.current.open = false;
              onOpenAccess();
            }}
            data-testid="open-access"
          >
            {t('access.open')}
          </button>
        )}
        <button type="button" onClick={session.signOut} data-testid="sign-out">
          {t('session.signOut')}
        </button>
      </div>
    </details>
  );
}
