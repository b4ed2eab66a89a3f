// Placeholder panel frame: one region per future section (replaced by the panel sections).
const SECTIONS = [
  'Due now',
  'Morphine milligram equivalents',
  'Risk tier',
  'PEG tracker',
  'Patient agreement',
  'Medications and conditions',
  'Copy to note',
  'Data notes',
];

export function PainPanel() {
  return (
    <div>
      {SECTIONS.map((title) => (
        <section key={title} aria-label={title}>
          <h2>{title}</h2>
        </section>
      ))}
    </div>
  );
}
