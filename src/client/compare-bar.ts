// The compare bar on the list of incidents: says how many incidents are ticked and lets the form
// go only with two to four. Without JavaScript the form still submits, and the compare page
// explains what it got.
const MIN = 2;
const MAX = 4;

export function mountCompareBar(): void {
  const form = document.querySelector<HTMLFormElement>('form.compare-form');
  if (!form) return;
  const count = form.querySelector<HTMLElement>('#compare-count')!;
  const submit = form.querySelector<HTMLButtonElement>('.compare-bar button[type="submit"]')!;
  const update = () => {
    const n = form.querySelectorAll('input[name="ids"]:checked').length;
    count.textContent =
      n === 0 ? 'Tick two to four incidents to set them side by side.'
      : n < MIN ? '1 chosen: tick at least one more.'
      : n > MAX ? `${n} chosen: at most four fit side by side; untick ${n - MAX}.`
      : `${n} chosen.`;
    submit.setAttribute('aria-disabled', String(n < MIN || n > MAX));
  };
  form.addEventListener('change', update);
  form.addEventListener('submit', (event) => {
    if (submit.getAttribute('aria-disabled') === 'true') {
      event.preventDefault();
      count.focus();
    }
  });
  update();
}
