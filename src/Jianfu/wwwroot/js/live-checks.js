// The drafting page while the dispatcher types (nothing is stored):
// - screening-code suggestions for the title and content, from /dispatches/suggestions; picking one fills the code;
// - the gate's checks, from /dispatches/checks, shown in the checks panel.
// Without JavaScript the "检查" button does both on the server.
(function () {
  const form = document.getElementById('dispatch-form');
  const panel = document.getElementById('checks');
  const suggestions = document.getElementById('suggestions');
  if (!form || !panel || !window.fetch) return;
  let timer = null;
  let lastChecks = '';
  let lastText = '';
  const text = (s) => { const span = document.createElement('span'); span.textContent = s; return span; };
  const element = (tag, cls, content) => { const e = document.createElement(tag); if (cls) e.className = cls; if (content) e.append(text(content)); return e; };
  const formData = () => { const data = new FormData(form); data.delete('action'); data.delete('pickCode'); return data; };

  async function suggest() {
    if (!suggestions) return;
    const data = formData();
    const key = (data.get('title') || '') + '\n' + (data.get('content') || '');
    if (key === lastText || key.trim().length < 4) return;
    lastText = key;
    try {
      const response = await fetch('/dispatches/suggestions', { method: 'POST', body: data, credentials: 'same-origin' });
      if (!response.ok) return;
      const answer = await response.json();
      suggestions.replaceChildren();
      if (!answer.items) return;
      suggestions.append(element('p', 'hint small', '根据标题和内容推荐的清单事项:'));
      for (const s of answer.items) {
        const words = s.matchedWords.length ? ' · 相关词:' + s.matchedWords.slice(0, 4).join('、') : '';
        if (s.kind === 'Excluded') {
          // Never offered to pick: such work may not be sent to a village at all.
          const warning = element('p', 'excluded-warning');
          warning.dataset.code = s.screeningCode;
          warning.append(element('b', null, '不得下派'), text(' 内容与负面清单事项“' + s.name + '”相近:此类工作不得派给村(社区)。'));
          suggestions.append(warning);
          continue;
        }
        const button = element('button', 'suggestion');
        button.type = 'button';
        button.dataset.code = s.screeningCode;
        const kind = { Statutory: '依法履职事项', Assistance: '协助事项' }[s.kind] || '';
        button.append(element('b', null, s.screeningCode), text(' ' + s.name + ' '), element('small', null, kind + words));
        button.addEventListener('click', () => {
          const input = form.querySelector('input[name="screeningCode"]');
          input.value = s.screeningCode + ' ' + s.name;
          input.dispatchEvent(new Event('change', { bubbles: true }));
        });
        suggestions.append(button);
      }
      if (answer.message) {
        const p = element('p', 'check warn', answer.message);
        p.dataset.rule = 'outside-list';
        suggestions.append(p);
      }
    } catch (e) { /* the button still works */ }
  }

  async function check() {
    const data = formData();
    const key = new URLSearchParams(data).toString();
    if (key === lastChecks) return;
    lastChecks = key;
    if (!data.get('title') || !data.get('content') || data.getAll('targets').length === 0) return;
    try {
      const response = await fetch('/dispatches/checks', { method: 'POST', body: data, credentials: 'same-origin' });
      if (!response.ok) return;
      const answer = await response.json();
      panel.replaceChildren();
      if (answer.error) {
        panel.append(element('p', 'check warn', answer.error)); return;
      }
      if (answer.checks.length === 0) {
        panel.append(element('p', 'check ok', '✓ 自动检查全部通过')); return;
      }
      answer.checks.sort((a, b) => (a.severity === 'Block' ? 0 : 1) - (b.severity === 'Block' ? 0 : 1));
      for (const c of answer.checks) {
        const p = element('p', 'check ' + (c.severity === 'Block' ? 'block' : 'warn'));
        p.dataset.rule = c.rule;
        p.append(element('b', null, c.severity === 'Block' ? '不能提交' : '提示'), text(' ' + c.message));
        if (c.rule === 'data-held-by-system' && panel.dataset.request) {
          const a = element('a', null, '改为数据申请');
          a.href = panel.dataset.request + '?purpose=' + encodeURIComponent(form.querySelector('input[name="title"]').value);
          p.append(text(' '), a);
        }
        panel.append(p);
      }
    } catch (e) { /* the button still works */ }
  }

  const run = () => { suggest(); check(); };
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 700); });
  form.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
  // Suggestion buttons drawn by the server submit the form; with the script they only fill the field.
  for (const b of document.querySelectorAll('#suggestions button.suggestion')) {
    b.type = 'button';
    b.addEventListener('click', () => {
      const input = form.querySelector('input[name="screeningCode"]');
      input.value = b.value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  }
  if (suggestions && suggestions.children.length === 0) suggest();
})();
