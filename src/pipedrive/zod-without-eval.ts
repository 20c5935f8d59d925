import { config } from 'zod';

// Zod would otherwise test whether it may compile code (`new Function`), which the strict CSP
// refuses, and every page would report that refusal. It validates as fast without. Zod checks once,
// when the first object schema is made, so this module is imported before any module that makes one
// (first in src/app/signed-in-app.tsx, the only way into them from the page).
config({ jitless: true });
