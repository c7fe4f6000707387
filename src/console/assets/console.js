// Optional help where JavaScript runs: suggestions while typing a name on the 代表 page and in forms.
// Every page works without it (the search form submits to the server).
(() => {
  const input = document.querySelector('input[data-suggest]');
  const list = document.getElementById('suggestions');
  if (!input || !list) return;
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      list.replaceChildren();
      if (!q) return;
      const res = await fetch(`/api/persons?q=${encodeURIComponent(q)}&limit=10`, { credentials: 'same-origin' });
      if (!res.ok) return;
      for (const p of (await res.json()).persons) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = `/persons/${encodeURIComponent(p.personId)}`;
        a.textContent = p.electingUnit ? `${p.name}（${p.electingUnit}）` : p.name;
        li.append(a);
        list.append(li);
      }
    }, 150);
  });
})();
