/**
 * The lead form's render probes (`RenderProbe`): the form's own renders, and the fields typed in
 * most, each counted with everything inside it. The bench and the render test read them by these ids.
 */
export const FORM_RENDER_PROBE = 'lead-form';
export const FIELD_RENDER_PROBES = { title: 'lead-form.title', value: 'lead-form.value' } as const;
