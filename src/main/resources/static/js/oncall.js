// Keeps the on-call board current without a reload: every few seconds it asks for the open
// calls and redraws the table. Text goes in with textContent, never as HTML.
(function () {
  const table = document.getElementById('calls');
  if (!table) { return; }
  const body = table.querySelector('tbody');
  const csrfName = table.dataset.csrfName;
  const csrf = table.dataset.csrf;

  function cell(text) {
    const td = document.createElement('td');
    td.textContent = text || '';
    return td;
  }

  function row(call) {
    const tr = document.createElement('tr');
    tr.append(cell(call.raisedAt), cell(call.room), cell(call.student));
    const reason = cell(call.reason);
    if (call.escalated) {
      const badge = document.createElement('strong');
      badge.className = 'badge urgent';
      badge.textContent = ' SLT alerted';
      reason.append(' ', badge);
    }
    tr.append(reason);
    const who = document.createElement('td');
    if (call.claimedBy) {
      who.textContent = 'Taken by ' + call.claimedByName;
    } else {
      const form = document.createElement('form');
      form.method = 'post';
      form.action = '/oncall/' + encodeURIComponent(call.reference) + '/claim';
      const token = document.createElement('input');
      token.type = 'hidden';
      token.name = csrfName;
      token.value = csrf;
      const button = document.createElement('button');
      button.type = 'submit';
      button.textContent = "I'm going";
      form.append(token, button);
      who.append(form);
    }
    tr.append(who);
    return tr;
  }

  // Redraw only when something changed, so a button is never replaced under someone's finger.
  let last = null;
  async function refresh() {
    try {
      const response = await fetch('/oncall/calls.json', { headers: { 'Accept': 'application/json' } });
      const json = (response.headers.get('Content-Type') || '').includes('application/json');
      if (!response.ok || !json) {
        // signed out (the answer is the login page) or the server is down: say so, never show stale calls as current
        document.getElementById('board-status').hidden = false;
        return;
      }
      document.getElementById('board-status').hidden = true;
      const text = await response.text();
      if (text === last) { return; }
      last = text;
      const calls = JSON.parse(text);
      body.replaceChildren(...calls.map(row));
      const none = document.getElementById('none');
      if (none) { none.hidden = calls.length > 0; }
    } catch (e) {
      // the next poll tries again
    }
  }

  setInterval(refresh, 3000);
})();
