/** Entry point: the token of a sign-in link, i18n in the language the URL (or the browser) asks for, then the page: the explorer, or live capture (a participant's `/c/<code>`, a moderator's `/capture/<session>`). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './App.tsx';
import { adoptTokenFromLocation } from './api/token.ts';
import { CapturePage } from './capture/CapturePage.tsx';
import { ModeratorPage } from './capture/ModeratorPage.tsx';
import { capturePageOf } from './capture/route.ts';
import { createI18n } from './i18n/index.ts';
import { fromSearch } from './state/url.ts';
import './styles.css';

// A sign-in link's token is stored and leaves the address bar before the explorer reads the URL.
adoptTokenFromLocation();
const i18n = createI18n(fromSearch(window.location.search).lang);
const capture = capturePageOf(window.location.pathname);
const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        {capture?.page === 'participant' ? <CapturePage code={capture.id} /> : capture?.page === 'moderator' ? <ModeratorPage sessionId={capture.id} /> : <App />}
      </I18nextProvider>
    </StrictMode>,
  );
