import type { ReactNode } from 'react';

/**
 * A row of radio buttons drawn as one segmented control (the theme, the portfolio's layout,
 * the export's paper and language): a fieldset named by `label`, each option's words from
 * `optionLabel`.
 */
export function Segmented<T extends string>({
  label,
  name,
  options,
  value,
  optionLabel,
  onChange,
}: {
  label: string;
  /** The radio group's name. */
  name: string;
  options: readonly T[];
  value: T;
  /** What the option says (its own element, so that it may carry a lang attribute). */
  optionLabel: (option: T) => ReactNode;
  onChange: (option: T) => void;
}) {
  return (
    <fieldset className="segmented" aria-label={label}>
      <legend className="visually-hidden">{label}</legend>
      {options.map((option) => (
        <label key={option} className="segment">
          <input
            type="radio"
            name={name}
            value={option}
            checked={value === option}
            onChange={() => {
              onChange(option);
            }}
          />
          {optionLabel(option)}
        </label>
      ))}
    </fieldset>
  );
}
