// The CustomerCare Web Chat page: gets a Direct Line token from the bot, connects the real Bot Framework
// Web Chat to the bot's built-in Direct Line (or to the Azure Bot Service's, when the token says so), greets via the webchat/join event, and keeps the conversation
// across reloads of the page (same tab) so nothing is lost.
(function () {
  'use strict';

  const directLineDomain = new URL('v3/directline', document.baseURI).href;
  const texts = {
    'en-US': { tagline: 'Help with disrupted journeys, honest advice, a person when you need one.', language: 'Language',
      connecting: 'Connecting…', failed: 'The chat service cannot be reached right now. Please try again in a moment.' },
    'de-DE': { tagline: 'Hilfe bei gestörten Reisen, ehrliche Beratung, ein Mensch, wenn Sie ihn brauchen.', language: 'Sprache',
      connecting: 'Verbinde…', failed: 'Der Chat-Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.' }
  };

  const localeSelect = document.getElementById('locale');
  const status = document.getElementById('status');
  let locale = localStorage.getItem('customercare.locale') || ((navigator.language || '').startsWith('de') ? 'de-DE' : 'en-US');
  let directLine;
  let userId;

  function translatePage() {
    const t = texts[locale] || texts['en-US'];
    document.documentElement.lang = locale.slice(0, 2);
    document.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t[el.dataset.i18n]; });
    localeSelect.value = locale;
  }

  async function post(url, token, body) {
    const response = await fetch(url, {
      method: 'POST',
      headers: Object.assign({ 'Content-Type': 'application/json' }, token ? { Authorization: 'Bearer ' + token } : {}),
      body: body ? JSON.stringify(body) : undefined
    });
    if (!response.ok) {
      throw new Error('HTTP ' + response.status + ' from ' + url);
    }
    return response.json();
  }

  // Same tab, same conversation: a reload refreshes the stored token and reconnects instead of starting over.
  async function connect() {
    const saved = JSON.parse(sessionStorage.getItem('customercare.conversation') || 'null');
    if (saved) {
      try {
        const domain = saved.domain || directLineDomain;
        const refreshed = await post(domain + '/tokens/refresh', saved.token);
        return Object.assign(remember(refreshed.token, refreshed.conversationId, saved.userId, domain), { resumed: true });
      } catch (e) {
        sessionStorage.removeItem('customercare.conversation');
      }
    }
    const storedUser = localStorage.getItem('customercare.userId');
    const issued = await post('api/directline/token', null, storedUser ? { user: { id: storedUser } } : undefined);
    localStorage.setItem('customercare.userId', issued.userId);
    return remember(issued.token, issued.conversationId, issued.userId, issued.domain || directLineDomain);
  }

  function remember(token, conversationId, user, domain) {
    const session = { token: token, conversationId: conversationId, userId: user, domain: domain };
    sessionStorage.setItem('customercare.conversation', JSON.stringify(session));
    return session;
  }

  const store = window.WebChat.createStore({}, ({ dispatch }) => next => action => {
    if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
      status.textContent = '';
      dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale: locale } } });
    } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY_FULFILLED' || action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
      const conversation = JSON.parse(sessionStorage.getItem('customercare.conversation') || 'null');
      if (conversation && directLine && directLine.token && directLine.token !== conversation.token) {
        remember(directLine.token, conversation.conversationId, conversation.userId, conversation.domain || directLineDomain);
      }
    }
    return next(action);
  });

  function render() {
    translatePage();
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      userID: userId,
      locale: locale,
      styleOptions: { bubbleBorderRadius: 10, bubbleFromUserBorderRadius: 10, suggestedActionLayout: 'flow', hideUploadButton: false }
    }, document.getElementById('webchat'));
  }

  localeSelect.addEventListener('change', () => {
    locale = localeSelect.value;
    localStorage.setItem('customercare.locale', locale);
    render();
  });

  (async function start() {
    translatePage();
    status.textContent = texts[locale].connecting;
    try {
      const session = await connect();
      userId = session.userId;
      const options = { token: session.token, domain: session.domain, webSocket: true };
      if (session.resumed) {
        options.conversationId = session.conversationId;
      }
      directLine = window.WebChat.createDirectLine(options);
      render();
    } catch (e) {
      status.textContent = texts[locale].failed;
      console.error(e);
    }
  })();
}());
