// The demo's questionnaires: who holds the answers, whom to contact and how
// long answers are kept, as a real deployment must say before publishing.

/** What the demo's questionnaires tell respondents about who holds their answers (publishing needs all three). */
export const DEMO_PRIVACY = {
  responsibleOrganisation: 'Safer Somerset Violence Reduction Partnership (demo), hosted by the county council',
  privacyContact: 'dataprotection@demo.safervoices.test, or write to the Data Protection Officer, County Hall, Taunton TA1 4DY',
  retention: 'Two years after the survey closes. After that only the added-up results are kept.'
};
