// Live gate checks while the dispatcher types: posts the form to /dispatches/checks (nothing is stored)
// and shows the answer in the checks panel. Without JavaScript the "检查" button does the same.
(function () {
  const form = document.getElementById('dispatch-form');
  const panel = document.getElementById('checks');
  if (!form || !panel || !window.fetch) return;
  let timer = null;
  let last = '';
  const text = (s) => { const span = document.createElement('span'); span.textContent = s; return span; };
  async function run() {
    const data = new FormData(form);
    data.delete('action');
    const key = new URLSearchParams(data).toString();
    if (key === last) return;
    last = key;
    if (!data.get('title') || !data.get('content') || data.getAll('targets').length === 0) return;
    try {
      const response = await fetch('/dispatches/checks', { method: 'POST', body: data, credentials: 'same-origin' });
      if (!response.ok) return;
      const answer = await response.json();
      panel.replaceChildren();
      if (answer.error) {
        const p = document.createElement('p'); p.className = 'check warn'; p.append(text(answer.error)); panel.append(p); return;
      }
      if (answer.checks.length === 0) {
        const p = document.createElement('p'); p.className = 'check ok'; p.append(text('✓ 自动检查全部通过')); panel.append(p); return;
      }
      answer.checks.sort((a, b) => (a.severity === 'Block' ? 0 : 1) - (b.severity === 'Block' ? 0 : 1));
      for (const c of answer.checks) {
        const p = document.createElement('p');
        p.className = 'check ' + (c.severity === 'Block' ? 'block' : 'warn');
        p.dataset.rule = c.rule;
        const b = document.createElement('b'); b.textContent = c.severity === 'Block' ? '阻断' : '提示';
        const small = document.createElement('small'); small.textContent = c.rule;
        p.append(b, text(' ' + c.message + ' '), small);
        panel.append(p);
      }
    } catch (e) { /* the button still works */ }
  }
  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 700); });
  form.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(run, 200); });
})();
