// The student's remembered colours (src/ui/theme.rs), set before the first
// paint: the prerendered page (src/prerender.rs) is on screen before the
// app starts, and must not flash the system's colours first. A classic
// script in <head>, so it runs before the body is drawn.
try {
  const theme = localStorage.getItem('heapwise.theme');
  if (theme === 'dark' || theme === 'light') document.documentElement.setAttribute('data-theme', theme);
} catch {
  // Storage refused (a privacy mode): the system's colours, as the app does.
}
